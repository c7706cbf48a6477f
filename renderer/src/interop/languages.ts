// The languages the Code dialog offers (the generator itself is loaded on first use).
export interface Language {
  id: string;
  label: string;
  /** httpsnippet's target and client; none: the app's own curl serializer. */
  target?: string;
  client?: string;
}

export const LANGUAGES: readonly Language[] = [
  { id: 'curl', label: 'cURL' },
  { id: 'js-fetch', label: 'JavaScript (fetch)', target: 'javascript', client: 'fetch' },
  { id: 'node-fetch', label: 'Node.js (fetch)', target: 'node', client: 'fetch' },
  { id: 'node-axios', label: 'Node.js (axios)', target: 'node', client: 'axios' },
  { id: 'python-requests', label: 'Python (requests)', target: 'python', client: 'requests' },
  { id: 'go', label: 'Go (net/http)', target: 'go', client: 'native' },
  { id: 'java-okhttp', label: 'Java (OkHttp)', target: 'java', client: 'okhttp' },
  { id: 'java-httpclient', label: 'Java (HttpClient)', target: 'java', client: 'nethttp' },
  { id: 'csharp-httpclient', label: 'C# (HttpClient)', target: 'csharp', client: 'httpclient' },
  { id: 'php-curl', label: 'PHP (cURL)', target: 'php', client: 'curl' },
  { id: 'php-guzzle', label: 'PHP (Guzzle)', target: 'php', client: 'guzzle' },
  { id: 'ruby', label: 'Ruby (Net::HTTP)', target: 'ruby', client: 'native' },
  { id: 'powershell', label: 'PowerShell (Invoke-WebRequest)', target: 'powershell', client: 'webrequest' },
  { id: 'powershell-rest', label: 'PowerShell (Invoke-RestMethod)', target: 'powershell', client: 'restmethod' },
  { id: 'wget', label: 'Wget', target: 'shell', client: 'wget' },
  { id: 'httpie', label: 'HTTPie', target: 'shell', client: 'httpie' },
  { id: 'rust', label: 'Rust (reqwest)', target: 'rust', client: 'reqwest' },
  { id: 'kotlin', label: 'Kotlin (OkHttp)', target: 'kotlin', client: 'okhttp' },
  { id: 'c-libcurl', label: 'C (libcurl)', target: 'c', client: 'libcurl' },
];

/** Targets not offered: httpsnippet writes their query items and literals unescaped (issue 14; docs/security-export.md). */
export const DROPPED: readonly { label: string; why: string }[] = [
  { label: 'Swift (URLSession)', why: 'it writes the query twice, and query values and the body unescaped (\\( … ) interpolates)' },
];

