// dockerode's connection, system and pull calls as a Node test suite makes them; prints what the
// client showed as one JSON object.
'use strict';
const Docker = require('dockerode');

// What `new Docker()` with no options made of DOCKER_HOST, and the same place given explicitly.
function explicitOptions(dockerHost) {
  if (dockerHost.startsWith('unix://')) {
    return { socketPath: dockerHost.substring('unix://'.length) };
  }
  const url = new URL(dockerHost);
  return { host: url.hostname, port: Number(url.port), protocol: 'http' };
}

function pull(docker, image) {
  return new Promise((resolve, reject) => {
    docker.pull(image, (err, stream) => {
      if (err) return reject(err);
      const progress = [];
      docker.modem.followProgress(stream, (done, output) => (done ? reject(done) : resolve({ progress, output })),
        (event) => progress.push(event));
    });
  });
}

async function failure(call) {
  try {
    await call();
    return null;
  } catch (err) {
    return { statusCode: err.statusCode, message: err.json ? err.json.message : err.message, reason: err.reason || null };
  }
}

async function main() {
  const fromEnv = new Docker();
  const explicit = new Docker(explicitOptions(process.env.DOCKER_HOST));
  const seen = {
    parsed: { socketPath: typeof fromEnv.modem.socketPath === 'string' ? fromEnv.modem.socketPath : null,
      host: fromEnv.modem.host || null, port: fromEnv.modem.port || null, protocol: fromEnv.modem.protocol },
  };
  seen.ping = (await fromEnv.ping()).toString();
  seen.pingExplicit = (await explicit.ping()).toString();
  const version = await explicit.version();
  seen.version = { api: version.ApiVersion, os: version.Os, components: (version.Components || []).map((c) => c.Name) };
  const info = await fromEnv.info();
  seen.info = { os: info.OSType, containers: info.Containers, images: typeof info.Images, swarm: info.Swarm.LocalNodeState };

  const pulled = await pull(fromEnv, 'alpine:latest');
  seen.pullStatuses = [...new Set(pulled.progress.map((e) => e.status.split(':')[0]))];
  seen.pullLast = pulled.output[pulled.output.length - 1].status;
  seen.pullErrors = pulled.output.filter((e) => e.error).length;
  const image = await fromEnv.getImage('alpine:latest').inspect();
  seen.imageTags = image.RepoTags;
  seen.listedImages = (await fromEnv.listImages({ filters: { reference: ['alpine'] } })).map((i) => i.RepoTags[0]);

  seen.containerNotFound = await failure(() => fromEnv.getContainer('node-nothing').inspect());
  seen.imageNotFound = await failure(() => fromEnv.getImage('node-no-such:1').inspect());
  seen.pullNotFound = await failure(() => pull(fromEnv, 'node-no-such-image:1'));
  seen.createConflict = await failure(async () => {
    await fromEnv.createContainer({ Image: 'alpine', name: 'node-twice', Cmd: ['true'] });
    await fromEnv.createContainer({ Image: 'alpine', name: 'node-twice', Cmd: ['true'] });
  });
  await fromEnv.getContainer('node-twice').remove({ force: true });
  seen.badRequest = await failure(() => fromEnv.createContainer({ name: 'node-no-image' }));
  console.log(JSON.stringify(seen));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
