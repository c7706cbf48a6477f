// --help text; the README's CLI section shows the same.
import fs from 'node:fs';
import { projectRoot } from '../engine/paths.js';
import path from 'node:path';

export const VERSION = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;

export const USAGE = `Usage: inetscope [options] <url>
       inetscope [options] --replay FILE[#N]
       inetscope serve [--host H] [--port P] [--rules FILE] [--events FILE|-]  (see inetscope serve --help)
       inetscope run PATH [--env NAME | --env-file FILE] [--var NAME=VALUE]... [--folder NAME]
                     [--reporter cli|json|junit]... [--out FILE] [--bail] [--trust-scripts]
                     (see inetscope run --help)

Sends one HTTP request through a native stack (WinInet, or libcurl) and shows every
status callback it makes. The body goes to stdout unless -o is given.

curl-compatible options:
  -X, --request METHOD        request method (any token, e.g. PURGE)
  -H, --header "Name: value"  add a header (repeatable); "Name:" removes a default one,
                              "Name;" sends it empty, @file reads one header per line
  -d, --data DATA             body (repeatable, joined with &); @file reads a file (CR/LF dropped)
      --data-binary DATA      body as is; a single @file is streamed from the file
      --data-raw DATA         body as is, no @file handling
  -T, --upload-file FILE      PUT the file, streamed (- or . reads stdin)
  -o, --output FILE           write the body to FILE (atomically: complete or not there;
                              stdout gets what arrived before an error, as with curl)
  -i, --include               print the response headers (1xx ones too) before the body
  -I, --head                  HEAD request, print the headers
  -L, --location              follow redirects (--max-redirs N, default 50, -1 no limit)
  -x, --proxy HOST:PORT       use an HTTP proxy (default: the system's: WinInet the OS
                              settings, libcurl http_proxy/https_proxy/all_proxy)
      --noproxy HOSTS         hosts (comma-separated, subdomains too) that skip the
                              proxy; "*" for no proxy at all (replaces no_proxy)
  -U, --proxy-user USER:PASS  proxy credentials (the password is never echoed)
      --proxy-basic | --proxy-digest | --proxy-ntlm | --proxy-anyauth
                              the proxy authentication scheme (default basic; WinInet
                              answers the scheme the proxy asks for, no Digest under Wine)
  -k, --insecure              accept any server certificate
      --cacert FILE           trust only the CA certificates (PEM) in FILE
      --key-log FILE          append the TLS session secrets to FILE (NSS key log
                              format, for Wireshark; curl engine only: it sets
                              SSLKEYLOGFILE, which the curl engine honours too)
  -E, --cert FILE[:PASS]      client certificate (PEM: cert and key, or --key; P12 with
                              --cert-type P12); "\\:" is a colon in FILE, C:\\ a drive
      --key FILE              the PEM private key, when it is not in the --cert file
      --cert-type PEM|P12     the client certificate's format (default PEM)
      --pass PASSWORD         the P12 password or the key's pass phrase
  -m, --max-time SECONDS      overall deadline
      --connect-timeout SECS  connect deadline
  -0, --http1.0 | --http1.1 | --http2 | --http2-prior-knowledge | --http3
                              the HTTP version to ask for (default: curl's, HTTP/2 over
                              TLS when the server offers it, else 1.1; WinInet: 1.1);
                              one a stack lacks is refused by name, never sent as 1.1
  -u, --user USER:PASSWORD    credentials: Basic as a header (curl's default), or for:
      --basic | --digest | --ntlm | --negotiate | --anyauth
                              the scheme the engine answers the server's 401 with; each
                              round trip is an auth leg (a hop of its own in --timeline,
                              -v and --har). WinInet picks the scheme from the challenge
                              itself; Digest is refused under Wine (DIGEST_UNSUPPORTED)
  -A, --user-agent STRING     User-Agent header
  -b, --cookie NAME=VAL|FILE  send cookies: a string as a Cookie header, or read a cookie
                              file (Netscape format, as curl writes it) into a jar (repeatable)
  -c, --cookie-jar FILE       write the jar's cookies to FILE at the end (Netscape format)
  -j, --junk-session-cookies  leave out the session cookies of the files -b reads
      --compressed            ask for deflate, gzip, br, zstd and write the body decoded
  -f, --fail                  exit 22 on HTTP status >= 400, write no body (-i: the head)
  -s, --silent                no error messages;  -S, --show-error: errors even with -s
  -v, --verbose               request/response headers and status callbacks on stderr
  -w, --write-out FORMAT      after the transfer (a failed one too), print curl's variables:
                              %{http_code} %{time_total} %{json} %header{name}... (docs/cli.md);
                              @FILE or @- reads the format
      --trace-ascii FILE|-    curl's trace text from the events (--trace-time: with times)

InetScope options:
      --engine wininet|curl|auto   native stack to use (auto: wininet on Windows, curl elsewhere)
      --timeline              a line per event on stderr, with ms since the start
      --events FILE|-         every event as NDJSON (the last line is "finished")
      --har FILE              write the exchange as HAR 1.2 (one entry per redirect hop, timings
                              from the events, body inline up to 1 MiB; atomically, also when
                              the exchange fails)
      --replay FILE[#N]       send the request of entry N (default 0) of a HAR file: its method,
                              URL, headers and body; -X, -H, -A, -u, -d, -T, -I override or add
                              to them, the other options apply as usual; give no URL with it
  -h, --help                  this text;  -V, --version: the version

Exit status: 0 for a completed exchange whatever its HTTP status; curl's codes for
transport failures (libcurl's own code on the curl engine: e.g. 3 bad URL, 6 resolve,
7 connect, 8/1 bad reply, 18 partial body, 23 write, 26 read, 28 timeout, 35/60 TLS,
52 empty reply, 56 receive, 22 with --fail), 2 for usage errors.
`;

export const SERVE_USAGE = `Usage: inetscope serve [options]

Starts the catch server: every request that arrives is read (one read pending at a time,
each chunk an event), answered, and shown with a server-side timeline. Prints
"listening on http://HOST:PORT/" first; a line per request on stderr; runs until Ctrl+C.

  --host HOST          address to listen on (default 127.0.0.1; another address only when
                       given, with a warning: other machines can then reach it)
  -p, --port PORT      port (default: a free one, printed on start)
  --rules FILE         responses per path, as JSON (default: a JSON summary of the request):
                       [{"match": {"path": "/files/", "prefix": true, "method": "GET"},
                         "response": {"kind": "file", "path": "big.bin"},
                         "delayMs": 0, "throttleBytesPerSecond": 1048576}]
                       response kinds: summary, fixed {status, headers, body}, echo,
                       file {path (relative to FILE), contentType} with Range support
  --events FILE|-      every server-side event as NDJSON (- : stdout, after the first line)
  --dir DIR            keep caught bodies in DIR as <id>.body (default: a temp dir, removed)
  --max-body SIZE      largest request body taken (default 1G; over it: 413)
  --max-total SIZE     all caught bodies of this run together (default 8G; over it: 413)
  --idle-timeout SECS  a body with no byte for this long is answered 408 (default 30)
  --allow-host NAME    bound to loopback, answer this Host too (repeatable; * for any,
                       e.g. behind a tunnel); other names get 403 (DNS rebinding)
  -h, --help           this text
`;

export const RUN_USAGE = `Usage: inetscope run PATH [options]

Runs the saved requests of a workspace one after another, in collection order, through one
engine, and checks each response against the request's assertions. PATH is a workspace
folder or a folder inside one (the workspace is the nearest folder upwards holding
workspace.yaml); a folder inside one runs only its requests. PATH may also be a Postman
collection file (v2.0/v2.1): it is imported as the app imports one, into a temporary
workspace removed after the run. Every file is read before anything is sent: a malformed
one is named (file, line, field) and nothing runs.

  -e, --env NAME          use the workspace's environment NAME
      --env-file FILE     use the environment in FILE: a Postman environment file, or YAML
                          (name, variables, as in workspace.yaml's environments); not with --env
      --var NAME=VALUE    set a variable for this run, over every other scope (repeatable)
      --folder NAME       only this folder: its path in the workspace, or its name if one
                          folder has it
      --engine wininet|curl|auto   native stack for every request (auto: wininet on Windows,
                          curl elsewhere)
      --bail              stop at the first request that fails or fails an assertion
  -r, --reporter NAME     cli (a line per request on stdout: the default), json, junit;
                          repeatable
      --out FILE          where the json or junit report goes (atomically); with both,
                          FILE is a prefix: FILE.json and FILE.xml. Without it a lone json or
                          junit reporter writes to stdout
  -k, --insecure          accept any server certificate, for every request
      --timeline          each request's events on stderr, a line each with ms since its start
      --trust-scripts     run the requests' Postman scripts (pre-request and test, of the
                          request, its folders and the workspace) in postman-sandbox; without
                          it none runs, and each test script counts as not run (the run fails)
      --script-timeout MS each script's deadline (default 5000): a script still running then
                          is stopped and reported on its request
  -h, --help              this text

Secret variables' values come from the data dir (INETSCOPE_DATA_DIR, else the app's), where
the app stores them; without one a request that uses a secret is not sent, naming it.

Exit status: 0 every request completed and every assertion and script test passed (an HTTP
error status is a completed request: check it with a status assertion); 1 a request was not
sent, failed in transport, failed an assertion or a test, had a script that failed, or had
a test script that did not run; 2 usage or file errors (nothing ran);
130 interrupted.
`;
