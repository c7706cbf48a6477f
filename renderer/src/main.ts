// The UI shell of later releases mounts here; until then the page says where to look.
const app = document.getElementById('app');
if (app) {
  app.textContent =
    'InetScope: the desktop UI arrives in a later release. The engines and the CLI work today: npx inetscope --help';
}
