// dockerode's swarm calls: init, services created, scaled and removed, their tasks, secrets,
// nodes, leave; prints what the client showed as one JSON object.
'use strict';
const Docker = require('dockerode');

const docker = new Docker();
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (up to 20 s) for the service to have `want` running tasks; the number it had last. */
async function running(name, want) {
  const deadline = Date.now() + 20000;
  for (;;) {
    const tasks = await docker.listTasks({ filters: { service: [name], 'desired-state': ['running'] } });
    const up = tasks.filter((t) => t.Status.State === 'running').length;
    if (up === want || Date.now() > deadline) return up;
    await sleep(100);
  }
}

async function main() {
  const seen = {};
  const nodeId = await docker.swarmInit({ ListenAddr: '0.0.0.0:2377', AdvertiseAddr: '127.0.0.1' });
  seen.nodeId = typeof nodeId === 'string' && nodeId.length > 0;
  const swarm = await docker.swarmInspect();
  seen.swarm = { id: swarm.ID.length > 0, workerToken: swarm.JoinTokens.Worker.startsWith('SWMTKN-') };
  seen.info = (await docker.info()).Swarm.LocalNodeState;

  const created = await docker.createService({
    Name: 'node-web',
    Labels: { suite: 'node' },
    TaskTemplate: { ContainerSpec: { Image: 'alpine', Command: ['sleep', '1000'] } },
    Mode: { Replicated: { Replicas: 2 } },
  });
  seen.createdId = typeof created.id === 'string' && created.id.length > 0;
  const web = docker.getService(created.id);
  seen.running = await running('node-web', 2);
  const before = await web.inspect();
  seen.mode = before.Spec.Mode;

  // the update dockerode users write: the spec again with the version it was read at
  const scaled = await web.update({ ...before.Spec, version: before.Version.Index, Mode: { Replicated: { Replicas: 3 } } });
  seen.updateWarnings = scaled.Warnings || null;
  seen.scaledRunning = await running('node-web', 3);
  const after = await web.inspect();
  seen.scaledMode = after.Spec.Mode;
  seen.versionGrew = after.Version.Index > before.Version.Index;
  seen.stale = await web.update({ ...after.Spec, version: before.Version.Index })
    .then(() => null, (err) => ({ statusCode: err.statusCode, message: err.json && err.json.message }));

  const tasks = await docker.listTasks({ filters: { service: ['node-web'] } });
  seen.taskSlots = [...new Set(tasks.map((t) => t.Slot))].sort();
  seen.taskContainer = tasks.every((t) => t.Status.ContainerStatus && t.Status.ContainerStatus.ContainerID);
  const task = await docker.getTask(tasks[0].ID).inspect();
  seen.taskService = task.ServiceID === created.id;

  const secret = await docker.createSecret({ Name: 'node-secret', Data: Buffer.from('s3cret').toString('base64') });
  seen.secret = (await docker.getSecret(secret.id).inspect()).Spec.Name;
  seen.services = (await docker.listServices({ filters: { label: ['suite=node'] } })).map((s) => s.Spec.Name);
  seen.nodes = (await docker.listNodes()).map((n) => [n.Spec.Role, n.Status.State]);

  await web.remove();
  seen.serviceGone = await web.inspect().then(() => null, (err) => ({ statusCode: err.statusCode, message: err.json.message }));
  await docker.getSecret(secret.id).remove();
  await docker.swarmLeave({ force: true });
  seen.left = (await docker.info()).Swarm.LocalNodeState;
  seen.notInSwarm = await docker.listServices().then(() => null, (err) => err.statusCode);
  console.log(JSON.stringify(seen));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
