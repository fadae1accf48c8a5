# docker-py's swarm calls: its ServiceMode sends "replicated"/"global" in lower case, which dockerd
# (Go's case-insensitive JSON) takes; prints what the client showed as one JSON object.
import json
import time

import docker
from docker.types import ServiceMode


def running(service, want, seconds=20):
    deadline = time.time() + seconds
    while True:
        tasks = [t for t in service.tasks(filters={"desired-state": "running"}) if t["Status"]["State"] == "running"]
        if len(tasks) == want or time.time() > deadline:
            return len(tasks)
        time.sleep(0.1)


client = docker.from_env()
seen = {}
client.swarm.init(advertise_addr="127.0.0.1")
client.swarm.reload()
seen["swarm"] = bool(client.swarm.id)
web = client.services.create("alpine", command=["sleep", "1000"], name="py-web", mode=ServiceMode("replicated", replicas=2))
seen["replicated_running"] = running(web, 2)
web.reload()
seen["replicated_mode"] = web.attrs["Spec"]["Mode"]
web.scale(3)
seen["scaled_running"] = running(web, 3)
web.reload()
seen["scaled_mode"] = web.attrs["Spec"]["Mode"]
every = client.services.create("alpine", command=["sleep", "1000"], name="py-every", mode="global")
every.reload()
seen["global_mode"] = every.attrs["Spec"]["Mode"]
seen["global_running"] = running(every, 1)
try:
    job_mode = ServiceMode("replicated-job", concurrency=1, replicas=2)
except TypeError:  # docker-py before 6.1 (Debian's 5.0.3) has no job modes
    job_mode = None
seen["job_mode"] = None
if job_mode is not None:
    job = client.services.create("alpine", command=["true"], name="py-job", mode=job_mode)
    job.reload()
    seen["job_mode"] = job.attrs["Spec"]["Mode"]
    job.remove()
secret = client.secrets.create(name="py-secret", data=b"s3cret")
seen["secret"] = client.secrets.get(secret.id).name
seen["services"] = sorted(s.name for s in client.services.list())
for service in (web, every):
    service.remove()
secret.remove()
seen["nodes"] = [n.attrs["Spec"]["Role"] for n in client.nodes.list()]
seen["left"] = client.swarm.leave(force=True)
print(json.dumps(seen))
