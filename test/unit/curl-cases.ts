// Real-world curl commands (Chrome's and Firefox's "Copy as cURL" in bash and cmd flavours,
// API documentation of GitHub, Stripe, Slack, Elasticsearch, OpenAI) with the request each
// must give. `h` lists every header in order; `body` is the text body (or a body object).
import type { CurlCase } from './curl-case.js';
import { MORE_CASES } from './curl-cases-more.js';

const CHROME_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const FORM = 'application/x-www-form-urlencoded';
const ENC = 'deflate, gzip, br, zstd';
const basic = (s: string) => `Basic ${btoa(s)}`;

export const CURL_CASES: CurlCase[] = [
  {
    name: 'Chrome bash: GET with headers and --compressed',
    cmd: `curl 'https://www.example.com/search?q=curl&hl=en' \\
  -H 'accept: text/html,application/xhtml+xml' \\
  -H 'accept-language: en-US,en;q=0.9' \\
  -b 'NID=511=abc; AEC=xyz' \\
  -H 'sec-ch-ua: "Chromium";v="131", "Not_A Brand";v="24"' \\
  -H 'user-agent: ${CHROME_UA}' \\
  --compressed`,
    url: 'https://www.example.com/search?q=curl&hl=en',
    method: 'GET',
    h: [['accept', 'text/html,application/xhtml+xml'], ['accept-language', 'en-US,en;q=0.9'], ['sec-ch-ua', '"Chromium";v="131", "Not_A Brand";v="24"'], ['user-agent', CHROME_UA], ['Cookie', 'NID=511=abc; AEC=xyz'], ['Accept-Encoding', ENC]],
  },
  {
    name: "Chrome bash: POST JSON in $'…' with \\u escapes and a quote",
    cmd: `curl 'https://api.example.com/graphql' \\
  -H 'content-type: application/json' \\
  -H 'origin: https://app.example.com' \\
  --data-raw $'{"query":"{ me { name } }","note":"it\\'s \\u00e9t\\u00e9\\\\n"}'`,
    url: 'https://api.example.com/graphql',
    method: 'POST',
    h: [['content-type', 'application/json'], ['origin', 'https://app.example.com']],
    body: '{"query":"{ me { name } }","note":"it\'s été\\n"}',
  },
  {
    name: 'Chrome bash: -X and a form body with a newline',
    cmd: `curl 'https://example.com/form' \\
  -X 'PUT' \\
  -H 'content-type: text/plain' \\
  --data-raw $'line one\\nline two!'`,
    url: 'https://example.com/form',
    method: 'PUT',
    h: [['content-type', 'text/plain']],
    body: 'line one\nline two!',
  },
  {
    name: 'Chrome bash: a multipart body as $\'…\' with CRLFs',
    cmd: `curl 'https://upload.example.com/form' \\
  -H 'content-type: multipart/form-data; boundary=----WebKitFormBoundaryX3b' \\
  --data-raw $'------WebKitFormBoundaryX3b\\r\\nContent-Disposition: form-data; name="title"\\r\\n\\r\\nHello\\r\\n------WebKitFormBoundaryX3b--\\r\\n'`,
    url: 'https://upload.example.com/form',
    method: 'POST',
    h: [['content-type', 'multipart/form-data; boundary=----WebKitFormBoundaryX3b']],
    body: '------WebKitFormBoundaryX3b\r\nContent-Disposition: form-data; name="title"\r\n\r\nHello\r\n------WebKitFormBoundaryX3b--\r\n',
  },
  {
    name: 'Chrome cmd: GET with ^ escapes',
    cmd: `curl ^"https://www.example.com/a?b=1^&c=2^" ^
  -H ^"accept: */*^" ^
  -H ^"sec-ch-ua: ^\\^"Chromium^\\^";v=^\\^"131^\\^"^" ^
  --compressed`,
    url: 'https://www.example.com/a?b=1&c=2',
    method: 'GET',
    h: [['accept', '*/*'], ['sec-ch-ua', '"Chromium";v="131"'], ['Accept-Encoding', ENC]],
  },
  {
    name: 'Chrome cmd: POST JSON, %^ and a newline in the data',
    cmd: `curl ^"https://api.example.com/v1/items^" ^
  -H ^"content-type: application/json^" ^
  --data-raw ^"^{^\\^"name^\\^":^\\^"100%^ sure^\\^",^\\^"tags^\\^":^[^\\^"a^\\^"^]^}^

^"`,
    url: 'https://api.example.com/v1/items',
    method: 'POST',
    h: [['content-type', 'application/json']],
    body: '{"name":"100% sure","tags":["a"]}\n',
  },
  {
    name: 'Firefox bash: POST form data',
    cmd: `curl 'https://example.org/login' -X POST -H 'User-Agent: Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0' -H 'Accept: */*' -H 'Content-Type: application/x-www-form-urlencoded' -H 'Origin: https://example.org' -H 'Connection: keep-alive' --data-raw 'user=ann&pass=s3cr%26t'`,
    url: 'https://example.org/login',
    method: 'POST',
    h: [['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'], ['Accept', '*/*'], ['Content-Type', FORM], ['Origin', 'https://example.org'], ['Connection', 'keep-alive']],
    body: 'user=ann&pass=s3cr%26t',
  },
  {
    name: 'GitHub: list issues',
    cmd: `curl -L \\
  -H "Accept: application/vnd.github+json" \\
  -H "Authorization: Bearer <YOUR-TOKEN>" \\
  -H "X-GitHub-Api-Version: 2022-11-28" \\
  https://api.github.com/repos/OWNER/REPO/issues`,
    url: 'https://api.github.com/repos/OWNER/REPO/issues',
    method: 'GET',
    h: [['Accept', 'application/vnd.github+json'], ['Authorization', 'Bearer <YOUR-TOKEN>'], ['X-GitHub-Api-Version', '2022-11-28']],
    more: { followRedirects: true },
  },
  {
    name: 'GitHub: create an issue',
    cmd: `curl -L \\
  -X POST \\
  -H "Accept: application/vnd.github+json" \\
  -H "Authorization: Bearer $GITHUB_TOKEN" \\
  https://api.github.com/repos/OWNER/REPO/issues \\
  -d '{"title":"Found a bug","body":"I'"'"'m having a problem.","labels":["bug"]}'`,
    url: 'https://api.github.com/repos/OWNER/REPO/issues',
    method: 'POST',
    h: [['Accept', 'application/vnd.github+json'], ['Authorization', 'Bearer $GITHUB_TOKEN'], ['Content-Type', FORM]],
    body: '{"title":"Found a bug","body":"I\'m having a problem.","labels":["bug"]}',
    more: { followRedirects: true },
    warn: [/\$GITHUB_TOKEN is a shell variable/],
  },
  {
    name: 'GitHub: docs prompt "$ curl"',
    cmd: '$ curl https://api.github.com/zen',
    url: 'https://api.github.com/zen',
    method: 'GET',
    h: [],
  },
  {
    name: 'Stripe: create a charge (-u key:, -d pieces)',
    cmd: `curl https://api.stripe.com/v1/charges \\
  -u sk_test_4eC39HqLyjWDarjtT1zdp7dc: \\
  -d amount=2000 \\
  -d currency=usd \\
  -d source=tok_visa \\
  -d description="My First Test Charge (created for API docs)"`,
    url: 'https://api.stripe.com/v1/charges',
    method: 'POST',
    h: [['Authorization', basic('sk_test_4eC39HqLyjWDarjtT1zdp7dc:')], ['Content-Type', FORM]],
    body: 'amount=2000&currency=usd&source=tok_visa&description=My First Test Charge (created for API docs)',
  },
  {
    name: 'Stripe: list with -G',
    cmd: `curl -G https://api.stripe.com/v1/customers \\
  -u "sk_test_BQokikJOvBiI2HlWgH4olfQ2:" \\
  -d limit=3 \\
  -d "metadata[order_id]"=6735`,
    url: 'https://api.stripe.com/v1/customers?limit=3&metadata[order_id]=6735',
    method: 'GET',
    h: [['Authorization', basic('sk_test_BQokikJOvBiI2HlWgH4olfQ2:')]],
  },
  {
    name: 'Slack: incoming webhook',
    cmd: `curl -X POST -H 'Content-type: application/json' --data '{"text":"Hello, World!"}' https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX`,
    url: 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX',
    method: 'POST',
    h: [['Content-type', 'application/json']],
    body: '{"text":"Hello, World!"}',
  },
  {
    name: 'Slack: chat.postMessage with a bearer token',
    cmd: `curl -H "Authorization: Bearer xoxb-1234-56789abcdefghijklmnop" -H "Content-type: application/json; charset=utf-8" -d '{"channel":"C1H9RESGL","text":"Hi :wave:"}' https://slack.com/api/chat.postMessage`,
    url: 'https://slack.com/api/chat.postMessage',
    method: 'POST',
    h: [['Authorization', 'Bearer xoxb-1234-56789abcdefghijklmnop'], ['Content-type', 'application/json; charset=utf-8']],
    body: '{"channel":"C1H9RESGL","text":"Hi :wave:"}',
  },
  {
    name: 'Elasticsearch: index a document (-d\'…\' attached, no scheme)',
    cmd: `curl -X PUT "localhost:9200/my-index-000001/_doc/1?pretty" -H 'Content-Type: application/json' -d'
{
  "@timestamp": "2099-11-15T13:12:00",
  "user": { "id": "kimchy" }
}
'`,
    url: 'http://localhost:9200/my-index-000001/_doc/1?pretty',
    method: 'PUT',
    h: [['Content-Type', 'application/json']],
    body: '\n{\n  "@timestamp": "2099-11-15T13:12:00",\n  "user": { "id": "kimchy" }\n}\n',
  },
  {
    name: 'Elasticsearch: GET _search with a body',
    cmd: `curl -X GET "localhost:9200/_search?pretty" -H 'Content-Type: application/json' -d '{"query":{"match_all":{}}}'`,
    url: 'http://localhost:9200/_search?pretty',
    method: 'GET',
    h: [['Content-Type', 'application/json']],
    body: '{"query":{"match_all":{}}}',
  },
  {
    name: 'Elasticsearch: basic auth, -k',
    cmd: `curl -k -u elastic:changeme https://localhost:9200/_cluster/health`,
    url: 'https://localhost:9200/_cluster/health',
    method: 'GET',
    h: [['Authorization', basic('elastic:changeme')]],
    more: { insecure: true },
  },
  ...MORE_CASES,
];
