// npm start: the desktop shell (Electron) arrives in a later release; say so plainly.
process.stdout.write(
  'InetScope: the desktop app arrives in a later release.\n' +
    'The WinInet engine and the CLI work today, e.g.:\n' +
    '  npx inetscope --timeline https://example.org/\n' +
    '  npx inetscope --help\n',
);
