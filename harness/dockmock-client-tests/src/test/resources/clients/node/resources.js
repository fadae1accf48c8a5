// dockerode's image build, image, network, volume and event calls; prints what the client showed
// as one JSON object.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { Writable } = require('stream');
const Docker = require('dockerode');
const tar = require('tar-stream');

const docker = new Docker();

function follow(stream) {
  return new Promise((resolve, reject) => {
    const progress = [];
    docker.modem.followProgress(stream, (err, output) => (err ? reject(err) : resolve({ output, progress })),
      (event) => progress.push(event));
  });
}

function readBytes(stream) {
  return new Promise((resolve, reject) => {
    const parts = [];
    stream.on('data', (part) => parts.push(part));
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}

function readAll(stream) {
  return new Promise((resolve, reject) => {
    const parts = [];
    stream.on('data', (part) => parts.push(part));
    stream.on('end', () => resolve(Buffer.concat(parts).toString()));
    stream.on('error', reject);
  });
}

/** Runs a command to its end without a terminal; what it wrote to stdout and stderr, demultiplexed. */
async function output(image, cmd, hostConfig) {
  const sinks = [[], []].map((parts) => Object.assign(new Writable({ write(chunk, enc, done) { parts.push(chunk); done(); } }),
    { parts }));
  const finished = Promise.all(sinks.map((sink) => new Promise((resolve) => sink.on('finish', resolve))));
  const [result, container] = await docker.run(image, cmd, sinks, { Tty: false, HostConfig: hostConfig || {} });
  await finished;
  await container.remove();
  const [out, err] = sinks.map((sink) => Buffer.concat(sink.parts).toString());
  return { out, err, exit: result.StatusCode };
}

async function main() {
  const seen = {};
  const since = Math.floor(Date.now() / 1000) - 5;
  await follow(await docker.pull('alpine:latest'));

  // a build context made by hand with tar-stream, as a stream
  const context = tar.pack();
  context.entry({ name: 'Dockerfile' }, 'FROM alpine\nRUN echo built > /b.txt\nCMD ["cat", "/b.txt"]\n');
  context.finalize();
  const built = await follow(await docker.buildImage(context, { t: 'node-built:1', rm: true }));
  seen.buildSteps = built.output.filter((e) => e.stream && e.stream.startsWith('Step')).map((e) => e.stream.trim());
  seen.buildAux = built.output.filter((e) => e.aux && e.aux.ID).length;
  seen.buildErrors = built.output.filter((e) => e.error).map((e) => e.error);
  seen.builtTags = (await docker.getImage('node-built:1').inspect()).RepoTags;
  seen.runBuilt = await output('node-built:1', undefined);

  // dockerode's own packing of a directory ({context, src}: tar-fs)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dockmock-node-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM alpine\nCOPY hello.txt /hello.txt\nCMD ["cat", "/hello.txt"]\n');
  fs.writeFileSync(path.join(dir, 'hello.txt'), 'from the context\n');
  const fromDir = await follow(await docker.buildImage({ context: dir, src: ['Dockerfile', 'hello.txt'] }, { t: 'node-dir:1' }));
  fs.rmSync(dir, { recursive: true });
  seen.dirBuildErrors = fromDir.output.filter((e) => e.error).map((e) => e.error);
  seen.runDir = await output('node-dir:1', undefined);

  const image = docker.getImage('node-built:1');
  await image.tag({ repo: 'node-built', tag: '2' });
  seen.tagged = (await docker.getImage('node-built:2').inspect()).Id === (await image.inspect()).Id;
  seen.history = (await image.history()).length > 1;
  seen.listed = (await docker.listImages({ filters: { reference: ['node-built'] } })).flatMap((i) => i.RepoTags).sort();
  const saved = await readBytes(await image.get());
  seen.removed = (await docker.getImage('node-built:2').remove()).map((r) => Object.keys(r)[0]);
  await image.remove();
  await docker.getImage('node-dir:1').remove();
  seen.afterRemove = (await docker.listImages({ filters: { reference: ['node-built'] } })).length;
  // a saved image loaded again: the body is the tar, the answer a JSON message stream
  const loaded = (await readAll(await docker.loadImage(saved))).split('\n').filter((l) => l).map(JSON.parse);
  seen.loaded = loaded.map((m) => (m.stream || '').trim()).filter((m) => m);
  seen.runLoaded = await output('node-built:1');
  await docker.getImage('node-built:1').remove();

  const network = await docker.createNetwork({ Name: 'node-net', Labels: { suite: 'node' } });
  const member = await docker.createContainer({ Image: 'alpine', Cmd: ['sleep', '100'], name: 'node-member' });
  await member.start();
  await network.connect({ Container: 'node-member', EndpointConfig: { Aliases: ['member'] } });
  const net = await network.inspect();
  seen.network = { name: net.Name, driver: net.Driver, labels: net.Labels,
    members: Object.values(net.Containers || {}).map((c) => c.Name) };
  seen.aliases = (await member.inspect()).NetworkSettings.Networks['node-net'].Aliases;
  seen.networksListed = (await docker.listNetworks({ filters: { label: ['suite=node'] } })).map((n) => n.Name);
  await network.disconnect({ Container: 'node-member' });
  await member.remove({ force: true });
  await network.remove();
  seen.networkGone = await network.inspect().then(() => null, (err) => err.statusCode);

  const volume = await docker.createVolume({ Name: 'node-vol', Labels: { suite: 'node' } });
  seen.volumeCreated = volume.name;
  const vol = await docker.getVolume('node-vol').inspect();
  seen.volume = { name: vol.Name, driver: vol.Driver, labels: vol.Labels };
  seen.volumeWritten = await output('alpine', ['sh', '-c', 'echo kept > /data/f'], { Binds: ['node-vol:/data'] });
  seen.volumeRead = await output('alpine', ['cat', '/data/f'], { Binds: ['node-vol:/data:ro'] });
  seen.volumeReadOnly = await output('alpine', ['sh', '-c', 'echo no > /data/g'], { Binds: ['node-vol:/data:ro'] });
  const volumes = await docker.listVolumes({ filters: { label: ['suite=node'] } });
  seen.volumesListed = volumes.Volumes.map((v) => v.Name);
  await docker.getVolume('node-vol').remove();
  seen.volumeGone = await docker.getVolume('node-vol').inspect().then(() => null, (err) => err.statusCode);

  // until one second ahead takes in this second's events; the answer ends then
  const events = await docker.getEvents({ since, until: Math.floor(Date.now() / 1000) + 1,
    filters: { type: ['network'], event: ['create', 'destroy'] } });
  seen.events = (await readAll(events)).split('\n').filter((l) => l).map(JSON.parse)
    .map((e) => `${e.Action} ${e.Actor.Attributes.name}`);
  console.log(JSON.stringify(seen));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
