# docker-py's container calls as a test suite makes them; prints what the client showed as one JSON object.
import io
import json
import tarfile

import docker

client = docker.from_env()
seen = {"ping": client.ping(), "api": client.version()["ApiVersion"]}
client.images.pull("alpine", tag="latest")
seen["run"] = client.containers.run("alpine", "echo hi", remove=True).decode()

box = client.containers.run("alpine", "sh -c 'echo started; sleep 100'", detach=True, name="py-box", labels={"suite": "py"})
box.reload()
seen["status"] = box.status
seen["labelled"] = [c.name for c in client.containers.list(filters={"label": "suite=py"})]
result = box.exec_run("sh -c 'echo out; echo err >&2; exit 3'")
seen["exec"] = [result.exit_code, result.output.decode()]
seen["exec_demux"] = [part.decode() for part in box.exec_run("sh -c 'echo out; echo err >&2'", demux=True).output]
# Each exec_run reads its output right behind the 101 head (see StreamStartPause): none may come back short.
seen["exec_repeated"] = sum(1 for i in range(40) if box.exec_run("echo run%d" % i).output == b"run%d\n" % i)

archive = io.BytesIO()
with tarfile.open(fileobj=archive, mode="w") as tar:
    data = b"hello file\n"
    info = tarfile.TarInfo("f.txt")
    info.size = len(data)
    tar.addfile(info, io.BytesIO(data))
seen["put"] = box.put_archive("/tmp", archive.getvalue())
chunks, stat = box.get_archive("/tmp/f.txt")
seen["get"] = [stat["name"], stat["size"],
               tarfile.open(fileobj=io.BytesIO(b"".join(chunks))).extractfile("f.txt").read().decode()]
seen["exec_cat"] = box.exec_run("cat /tmp/f.txt").output.decode()
seen["top"] = box.top()["Titles"][:2]
box.stop(timeout=1)
seen["wait"] = box.wait()["StatusCode"]
seen["logs"] = box.logs().decode()
seen["attach_logs"] = box.attach(stdout=True, stream=False, logs=True).decode()
box.remove()

seen["streamed"] = [line.decode() for line in
                    client.containers.run("alpine", "sh -c 'echo 1; echo 2'", stream=True, remove=True)]
try:
    client.containers.get("py-nothing")
except docker.errors.NotFound as e:
    seen["not_found"] = [e.status_code, e.explanation]
try:
    client.containers.run("py-no-such-image:1", "true")
except docker.errors.ImageNotFound as e:
    seen["image_not_found"] = e.status_code
seen["left"] = [c.name for c in client.containers.list(all=True)]
print(json.dumps(seen))
