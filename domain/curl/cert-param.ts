// curl's -E/--cert FILE[:PASSWORD] (tool_getparam.c parse_cert_parameter): a colon ends the
// file name and starts the password; "\:" is a colon in the name, "\\" a backslash; a
// drive letter ("C:\certs\me.p12", "C:/…") is a name, not a password. Pure.

export interface CertParam {
  file: string;
  password?: string;
}

/** Splits a --cert value into its file and password (absent: none given). */
export function parseCertParam(value: string): CertParam {
  let file = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[i + 1];
      if (next === ':' || next === '\\') {
        file += next;
        i++;
      } else file += c;
    } else if (c === ':') {
      if (i === 1 && (value[2] === '\\' || value[2] === '/')) file += c;
      else return value.length > i + 1 ? { file, password: value.slice(i + 1) } : { file };
    } else file += c;
  }
  return { file };
}

/** The inverse, for an exported command: a name's colons and backslashes escaped where curl would read them. */
export function formatCertParam(file: string, password?: string): string {
  const drive = /^[A-Za-z]:[\\/]/.test(file);
  const rest = (drive ? file.slice(2) : file).replace(/\\(?=[\\:]|$)/g, '\\\\').replace(/:/g, '\\:');
  const name = (drive ? file.slice(0, 2) : '') + rest;
  return password === undefined ? name : `${name}:${password}`;
}
