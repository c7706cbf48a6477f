# An HTTP server that authenticates NTLM (NTLMv2) on loopback for the auth-leg tests: the
# NTLM messages are impacket's (python3-impacket: NTLMAuthNegotiate, NTLMAuthChallenge,
# NTLMAuthChallengeResponse, NTOWFv2), the check is MS-NLMP 3.3.2's NTProofStr. One user,
# given on the command line; prints "listening PORT" once bound. Keep-alive: NTLM
# authenticates the connection, so the three requests must share it.
import base64, calendar, hashlib, hmac, os, socketserver, struct, sys, time
from http.server import BaseHTTPRequestHandler
from impacket import ntlm

USER, PASSWORD, DOMAIN = sys.argv[1], sys.argv[2], sys.argv[3]


def challenge_message(negotiate, server_challenge):
    flags = ntlm.NTLMSSP_NEGOTIATE_VERSION | ntlm.NTLMSSP_NEGOTIATE_TARGET_INFO | ntlm.NTLMSSP_TARGET_TYPE_SERVER | ntlm.NTLMSSP_NEGOTIATE_NTLM | ntlm.NTLMSSP_REQUEST_TARGET
    for f in (ntlm.NTLMSSP_NEGOTIATE_56, ntlm.NTLMSSP_NEGOTIATE_128, ntlm.NTLMSSP_NEGOTIATE_EXTENDED_SESSIONSECURITY, ntlm.NTLMSSP_NEGOTIATE_UNICODE, ntlm.NTLM_NEGOTIATE_OEM):
        flags |= negotiate['flags'] & f
    domain = DOMAIN.encode('utf-16le')
    av = ntlm.AV_PAIRS()
    av[ntlm.NTLMSSP_AV_HOSTNAME] = av[ntlm.NTLMSSP_AV_DNS_HOSTNAME] = b'I\x00S\x00'
    av[ntlm.NTLMSSP_AV_DOMAINNAME] = av[ntlm.NTLMSSP_AV_DNS_DOMAINNAME] = domain
    av[ntlm.NTLMSSP_AV_TIME] = struct.pack('<q', 116444736000000000 + calendar.timegm(time.gmtime()) * 10000000)
    m = ntlm.NTLMAuthChallenge()
    m['flags'] = flags
    m['domain_len'] = m['domain_max_len'] = len(domain)
    m['domain_offset'] = 40 + 16
    m['challenge'] = server_challenge
    m['domain_name'] = domain
    m['TargetInfoFields_len'] = m['TargetInfoFields_max_len'] = len(av)
    m['TargetInfoFields'] = av
    m['TargetInfoFields_offset'] = 40 + 16 + len(domain)
    m['Version'] = b'\xff' * 8
    m['VersionLen'] = 8
    return m.getData()


def verified(auth, server_challenge):
    nt = auth['ntlm']
    if len(nt) <= 24:
        return False  # NTLMv1: not accepted
    # Strings are UTF-16LE when the client took NEGOTIATE_UNICODE, else OEM (curl takes OEM).
    codec = 'utf-16le' if auth['flags'] & ntlm.NTLMSSP_NEGOTIATE_UNICODE else 'latin-1'
    user = auth['user_name'].decode(codec)
    domain = auth['domain_name'].decode(codec)
    if user.lower() != USER.lower():
        return False
    key = ntlm.NTOWFv2(user, PASSWORD, domain)
    proof = hmac.new(key, server_challenge + nt[16:], hashlib.md5).digest()
    return hmac.compare_digest(proof, nt[:16])


class Handler(BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def log_message(self, *args):
        pass

    def reply(self, status, body, challenge=None):
        self.send_response(status)
        self.send_header('WWW-Authenticate', 'NTLM' if challenge is None else 'NTLM ' + base64.b64encode(challenge).decode())
        if status == 200:
            self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        value = self.headers.get('Authorization', '')
        if not value.startswith('NTLM '):
            return self.reply(401, b'authenticate\n')
        token = base64.b64decode(value[5:])
        kind = struct.unpack('<I', token[8:12])[0] if len(token) >= 12 else 0
        if kind == 1:
            negotiate = ntlm.NTLMAuthNegotiate()
            negotiate.fromString(token)
            self.server_challenge = os.urandom(8)
            return self.reply(401, b'challenge\n', challenge_message(negotiate, self.server_challenge))
        if kind == 3 and getattr(self, 'server_challenge', None):
            auth = ntlm.NTLMAuthChallengeResponse()
            auth.fromString(token)
            if verified(auth, self.server_challenge):
                return self.reply(200, b'hello ' + USER.encode() + b'\n')
        return self.reply(401, b'denied\n')


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


# One handler per connection (BaseHTTPRequestHandler loops over its keep-alive requests), so
# the challenge it issued is the one it checks.
with Server(('127.0.0.1', 0), Handler) as httpd:
    print('listening', httpd.server_address[1], flush=True)
    httpd.serve_forever()
