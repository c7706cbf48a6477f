// dup(2) and close(2) for the sendfile worker's own descriptor of the socket: Node may
// close its fd when the client goes (and the number be reused by another file) while the
// worker still sends; a dup keeps the socket itself until the worker is done. Loaded on
// the first zero-copy transfer only.
import koffi from 'koffi';

const libc = koffi.load('libc.so.6');
export const dup = libc.func('int dup(int fd)') as (fd: number) => number;
export const close = libc.func('int close(int fd)') as (fd: number) => number;
