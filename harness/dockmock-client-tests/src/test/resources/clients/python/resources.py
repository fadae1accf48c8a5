# docker-py's image, network, volume and event calls; prints what the client showed as one JSON object.
import io
import json
import time

import docker

client = docker.from_env()
seen = {}
since = int(time.time()) - 5
client.images.pull("alpine", tag="latest")
image, log = client.images.build(fileobj=io.BytesIO(b"FROM alpine\nRUN echo built > /b.txt\nCMD cat /b.txt\n"),
                                 tag="py-built:1", rm=True)
seen["built"] = image.tags
seen["build_steps"] = [entry["stream"].strip() for entry in log if entry.get("stream", "").startswith("Step")]
seen["run_built"] = client.containers.run("py-built:1", remove=True).decode()
image.tag("py-built", "2")
seen["tagged"] = client.images.get("py-built:2").id == image.id
saved = b"".join(client.images.get("py-built:1").save(named=True))
client.images.remove("py-built:2")
client.images.remove("py-built:1")
seen["after_remove"] = [i.tags for i in client.images.list(name="py-built")]
seen["loaded"] = sorted(tag for i in client.images.load(saved) for tag in i.tags)
seen["history"] = len(client.images.get("py-built:1").history()) > 1

network = client.networks.create("py-net", labels={"suite": "py"})
box = client.containers.run("alpine", "sleep 100", detach=True, name="py-member")
network.connect(box, aliases=["member"])
network.reload()
seen["network"] = [network.attrs["Driver"], [c.name for c in network.containers]]
seen["aliases"] = client.api.inspect_container(box.id)["NetworkSettings"]["Networks"]["py-net"]["Aliases"]
network.disconnect(box)
box.remove(force=True)
network.remove()
volume = client.volumes.create("py-vol", labels={"suite": "py"})
writer = client.containers.run("alpine", "sh -c 'echo kept > /data/f'", volumes={"py-vol": {"bind": "/data"}}, remove=True)
seen["volume_read"] = client.containers.run("alpine", "cat /data/f", volumes={"py-vol": {"bind": "/data", "mode": "ro"}},
                                            remove=True).decode()
seen["volumes"] = [v.name for v in client.volumes.list(filters={"label": "suite=py"})]
volume.remove()
# unix seconds, as docker-py sends any time: an until one second ahead takes in this second's events (and waits for it)
events = client.events(since=since, until=int(time.time()) + 1, decode=True,
                       filters={"type": "network", "event": "create"})
seen["events"] = [e["Actor"]["Attributes"]["name"] for e in events]
seen["df"] = sorted(client.df().keys())
print(json.dumps(seen))
