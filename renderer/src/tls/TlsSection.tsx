// TLS as the engine's stack saw it, per hop: the connection (version, cipher, ALPN, what the
// chain was verified against), each certificate of the chain expandable with a Copy PEM,
// and what the stack could not report. The summary line goes beside the response status.
import { useState } from 'react';
import type { TlsEvent } from '../../../contract/events.js';
import type { TlsCertificate, TlsFacts } from '../../../contract/tls.js';
import { tlsSummary } from '../../../domain/tls/summary.js';
import { copyText } from '../timeline/clipboard.js';
import './tls.css';

/** The lock line beside the status: the final hop's connection. */
export function TlsSummary({ events }: { events: readonly TlsEvent[] | undefined }) {
  const last = events?.at(-1);
  if (!last) return null;
  const refused = last.facts.verified.result === 'failed';
  return (
    <span className={refused ? 'tls-summary error' : 'tls-summary muted'} data-testid="tls-summary" title={last.facts.source}>
      {tlsSummary(last.facts)}
    </span>
  );
}

function Row({ name, value }: { name: string; value: string | undefined }) {
  if (!value) return null;
  return (
    <tr>
      <th scope="row">{name}</th>
      <td>{value}</td>
    </tr>
  );
}

function Certificate({ cert, index }: { cert: TlsCertificate; index: number }) {
  const [copied, setCopied] = useState('');
  return (
    <details className="tls-cert" data-testid={`tls-cert-${index}`} open={index === 0}>
      <summary>{`${index === 0 ? 'Server certificate' : `Certificate ${index}`}: ${cert.subject}`}</summary>
      <table className="headers-view">
        <tbody>
          <Row name="Subject" value={cert.subject} />
          <Row name="Issuer" value={cert.issuer} />
          <Row name="Subject alt. names" value={cert.sans.join(', ')} />
          <Row name="Valid from" value={cert.notBefore} />
          <Row name="Valid until" value={cert.notAfter} />
          <Row name="Serial" value={cert.serial} />
          <Row name="SHA-256" value={cert.sha256} />
          <Row name="Key" value={[cert.keyType, cert.keyBits ? `${cert.keyBits} bits` : undefined].filter(Boolean).join(' ') || undefined} />
          <Row name="Signature" value={cert.signatureAlgorithm} />
        </tbody>
      </table>
      {cert.pem && (
        <button className="btn btn-small" data-testid={`tls-copy-pem-${index}`} onClick={() => void copyText(cert.pem!).then((ok) => setCopied(ok ? 'Copied.' : 'The clipboard is not available here.'))}>
          Copy PEM
        </button>
      )}
      {copied && <span className="muted">{` ${copied}`}</span>}
    </details>
  );
}

function Connection({ facts }: { facts: TlsFacts }) {
  const v = facts.verified;
  const verification = `${v.result} against ${v.against}${v.error ? `: ${v.error}` : ''}${v.code !== undefined ? ` (code ${v.code})` : ''}`;
  return (
    <table className="headers-view">
      <tbody>
        <Row name="Protocol" value={facts.protocol} />
        <Row name="Cipher" value={facts.cipher} />
        <Row name="ALPN" value={facts.alpn} />
        <Row name="Verified" value={verification} />
        <Row name="OCSP stapled" value={facts.ocspStapled === undefined ? undefined : String(facts.ocspStapled)} />
        <Row name="Connection" value={facts.reused ? 'reused (the facts of its first request)' : undefined} />
        <Row name="Reported by" value={facts.source} />
      </tbody>
    </table>
  );
}

/** One block per hop that ran over TLS. */
export function TlsSection({ events }: { events: readonly TlsEvent[] | undefined }) {
  if (!events?.length) return null;
  return (
    <div className="pane tls-section" data-testid="tls-section">
      <h2>TLS</h2>
      {events.map((e) => (
        <section key={e.seq} className="tls-hop" data-testid={`tls-hop-${e.hop}`} aria-label={`TLS of hop ${e.hop}`}>
          {events.length > 1 && <h3>{`Hop ${e.hop}`}</h3>}
          <Connection facts={e.facts} />
          {e.facts.chain.map((c, i) => (
            <Certificate key={i} cert={c} index={i} />
          ))}
          {Object.entries(e.facts.missing ?? {}).length > 0 && (
            <ul className="tls-missing muted" data-testid="tls-missing">
              {Object.entries(e.facts.missing ?? {}).map(([fact, why]) => (
                <li key={fact}>{`${fact}: not reported (${why})`}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
