// dockerode's container calls as a Node test suite makes them (run, create/start/inspect/list,
// exec, attach, logs, wait, archives); prints what the client showed as one JSON object.
'use strict';
const { Writable } = require('stream');
const Docker = require('dockerode');
const tar = require('tar-stream');

const docker = new Docker();

/** A writable that keeps what it was given; text() once it has finished. */
function collector() {
  const chunks = [];
  const sink = new Writable({
    write(chunk, encoding, done) {
      chunks.push(Buffer.from(chunk, encoding));
      done();
    },
  });
  sink.text = () => Buffer.concat(chunks).toString();
  sink.finished = new Promise((resolve) => sink.on('finish', resolve));
  return sink;
}

function ended(stream) {
  return new Promise((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('close', resolve);
    stream.on('error', reject);
  });
}

function pull(image) {
  return new Promise((resolve, reject) => docker.pull(image, (err, stream) => (err ? reject(err)
    : docker.modem.followProgress(stream, (done) => (done ? reject(done) : resolve()))))); 
}

async function runTty(seen) {
  // dockerode's run defaults to Tty: true: one raw stream, the terminal's CRLF line ends
  const out = collector();
  const [result, container] = await docker.run('alpine', ['sh', '-c', 'echo hi; echo there; exit 4'], out);
  await out.finished;
  seen.runTty = { output: out.text(), exit: result.StatusCode, tty: (await container.inspect()).Config.Tty };
  await container.remove();
}

async function runDemuxed(seen) {
  const out = collector();
  const err = collector();
  const [result, container] = await docker.run('alpine', ['sh', '-c', 'echo out; echo err >&2'], [out, err], { Tty: false });
  await Promise.all([out.finished, err.finished]);
  seen.runDemuxed = { stdout: out.text(), stderr: err.text(), exit: result.StatusCode };
  await container.remove();
}

async function execHijacked(box, seen) {
  const exec = await box.exec({ Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 3'], AttachStdout: true, AttachStderr: true });
  const stream = await exec.start({ hijack: true, stdin: false });
  const out = collector();
  const err = collector();
  docker.modem.demuxStream(stream, out, err);
  await ended(stream);
  const info = await exec.inspect();
  seen.exec = { stdout: out.text(), stderr: err.text(), exitCode: info.ExitCode, running: info.Running };
  // without hijack the output comes as the body of a plain answer
  const plain = await box.exec({ Cmd: ['echo', 'plain'], AttachStdout: true, AttachStderr: true });
  const body = await plain.start({});
  const plainOut = collector();
  docker.modem.demuxStream(body, plainOut, collector());
  await ended(body);
  seen.execPlain = plainOut.text();
  let whole = 0;
  for (let i = 0; i < 20; i++) {
    const again = await box.exec({ Cmd: ['echo', `run${i}`], AttachStdout: true });
    const s = await again.start({ hijack: true, stdin: false });
    const o = collector();
    docker.modem.demuxStream(s, o, collector());
    await ended(s);
    if (o.text() === `run${i}\n`) whole++;
  }
  seen.execRepeated = whole;
}

async function execTtyApart(box, seen) {
  // dockerode's README: a Tty exec started with {hijack: true, stdin: true}, no Tty in the start;
  // dockerd frames the terminal's output then, so demuxStream is what shows it
  const exec = await box.exec({ Cmd: ['sh', '-c', 'echo out; echo err >&2'], AttachStdin: true, AttachStdout: true,
    AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: true });
  const raw = [];
  stream.on('data', (chunk) => raw.push(chunk));
  const out = collector();
  const err = collector();
  docker.modem.demuxStream(stream, out, err);
  stream.end();
  await ended(stream);
  seen.execTtyFramed = { stdout: out.text(), stderr: err.text(), firstByte: Buffer.concat(raw)[0] };
  // testcontainers-node's older execContainer: no Tty at create, {stdin, Detach, Tty: true} at start,
  // no hijack: a raw answer, to which dockerd gives the process's stdout only
  const plain = await box.exec({ Cmd: ['sh', '-c', 'echo out; echo err >&2; exit 2'], AttachStdout: true, AttachStderr: true });
  const body = await plain.start({ stdin: true, Detach: false, Tty: true });
  const whole = collector();
  body.pipe(whole);
  await ended(body);
  seen.execRawNoTerminal = { output: whole.text(), exitCode: (await plain.inspect()).ExitCode };
}

async function attachStdin(seen) {
  const cat = await docker.createContainer({ Image: 'alpine', Cmd: ['cat'], name: 'node-cat', AttachStdin: true,
    AttachStdout: true, AttachStderr: true, OpenStdin: true, StdinOnce: true, Tty: false });
  const stream = await cat.attach({ stream: true, stdin: true, stdout: true, stderr: true, hijack: true });
  await cat.start();
  const out = collector();
  docker.modem.demuxStream(stream, out, collector());
  stream.write('hello cat\n');
  stream.end();
  await ended(stream);
  seen.attach = { echoed: out.text(), exit: (await cat.wait()).StatusCode };
  await cat.remove();
}

async function archives(box, seen) {
  const pack = tar.pack();
  pack.entry({ name: 'f.txt' }, 'hello file\n');
  pack.finalize();
  await box.putArchive(pack, { path: '/tmp' });
  const head = await box.infoArchive({ path: '/tmp/f.txt' });
  head.resume(); // the HEAD answer is a stream: unread, it keeps its connection (and node) busy, with dockerd too
  const stat = JSON.parse(Buffer.from(head.headers['x-docker-container-path-stat'], 'base64').toString());
  const archive = await box.getArchive({ path: '/tmp/f.txt' });
  const files = {};
  const extract = tar.extract();
  extract.on('entry', (header, content, next) => {
    const parts = [];
    content.on('data', (part) => parts.push(part));
    content.on('end', () => {
      files[header.name] = Buffer.concat(parts).toString();
      next();
    });
  });
  archive.pipe(extract);
  await new Promise((resolve, reject) => {
    extract.on('finish', resolve);
    extract.on('error', reject);
  });
  seen.archive = { stat: [stat.name, stat.size], files };
}

async function lifecycle(seen) {
  const box = await docker.createContainer({ Image: 'alpine', Cmd: ['sleep', '100'], name: 'node-life', Tty: true });
  const abort = new AbortController();
  const events = await docker.getEvents({ filters: { container: [box.id], type: ['container'] }, abortSignal: abort.signal });
  const actions = [];
  events.on('data', (chunk) => chunk.toString().split('\n').filter((l) => l).forEach((l) => actions.push(JSON.parse(l).Action)));
  events.on('error', () => {}); // the abort below ends the stream with an AbortError
  await box.start();
  const stats = await box.stats({ stream: false });
  seen.stats = { hasMemory: typeof stats.memory_stats === 'object', pids: stats.pids_stats.current > 0 };
  await box.pause();
  seen.paused = (await box.inspect()).State.Status;
  await box.unpause();
  await box.rename({ name: 'node-renamed' });
  seen.renamed = (await docker.getContainer('node-renamed').inspect()).Name;
  // a terminal exec: one raw stream, CRLF line ends
  const exec = await box.exec({ Cmd: ['sh', '-c', 'echo in tty; exit 5'], AttachStdout: true, AttachStderr: true, Tty: true });
  const stream = await exec.start({ hijack: true, stdin: false, Tty: true });
  const out = collector();
  stream.pipe(out);
  await out.finished;
  seen.execTty = { output: out.text(), exitCode: (await exec.inspect()).ExitCode };
  await box.restart({ t: 1 });
  seen.restarted = (await box.inspect()).State.Running;
  await box.kill({ signal: 'SIGKILL' });
  seen.killed = (await box.wait()).StatusCode;
  // the kill's die comes on the events stream, not with the answers above: wait for it (restart's was the first)
  for (let i = 0; i < 250 && actions.filter((a) => a === 'die').length < 2; i++) await new Promise((r) => setTimeout(r, 20));
  abort.abort();
  seen.events = actions.filter((a) => ['create', 'start', 'pause', 'unpause', 'rename', 'restart', 'kill', 'die'].includes(a));
  await box.remove();
  seen.pruned = (await docker.pruneContainers()).ContainersDeleted;
}

async function main() {
  const seen = {};
  await pull('alpine:latest');
  await runTty(seen);
  await runDemuxed(seen);

  const box = await docker.createContainer({ Image: 'alpine', name: 'node-box', Labels: { suite: 'node' },
    Cmd: ['sh', '-c', 'for i in 1 2 3; do echo line$i; sleep 0.2; done; sleep 100'] });
  await box.start();
  const inspected = await box.inspect();
  seen.inspect = { name: inspected.Name, running: inspected.State.Running, labels: inspected.Config.Labels };
  seen.listed = (await docker.listContainers({ filters: { label: ['suite=node'] } })).map((c) => [c.Names[0], c.State]);
  seen.listedNone = (await docker.listContainers({ filters: JSON.stringify({ label: ['suite=other'] }) })).length;

  const follow = await box.logs({ follow: true, stdout: true, stderr: true });
  const lines = collector();
  docker.modem.demuxStream(follow, lines, collector());
  const threeLines = new Promise((resolve) => {
    const check = setInterval(() => {
      if (lines.text().split('\n').length > 3) {
        clearInterval(check);
        resolve();
      }
    }, 20);
  });
  await threeLines;
  seen.logsFollowed = lines.text();
  follow.destroy();
  seen.logs = (await box.logs({ stdout: true })).length > 0;

  await execHijacked(box, seen);
  await execTtyApart(box, seen);
  await archives(box, seen);
  await attachStdin(seen);
  await lifecycle(seen);

  await box.stop({ t: 1 });
  seen.wait = (await box.wait()).StatusCode;
  await box.remove();
  seen.left = (await docker.listContainers({ all: true })).map((c) => c.Names[0]);
  console.log(JSON.stringify(seen));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
