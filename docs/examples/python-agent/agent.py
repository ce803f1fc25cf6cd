"""A Kinitro agent in Python: a gRPC server implementing kinitro.agent.v1.AgentService.

Generate the stubs first (see README.md), then:  python3 agent.py --host 127.0.0.1 --port 8000
"""
import argparse
import os
import signal
import sys
from concurrent import futures

# Packages are shipped inside the submission (the sandbox has no network): see README.md.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "vendor"))

import grpc
import numpy as np

import agent_pb2
import agent_pb2_grpc

NUMPY = {
    agent_pb2.DTYPE_FLOAT32: np.float32,
    agent_pb2.DTYPE_FLOAT64: np.float64,
    agent_pb2.DTYPE_INT64: np.int64,
    agent_pb2.DTYPE_UINT8: np.uint8,
}
WIRE = {np.dtype(v): k for k, v in NUMPY.items()}


def to_numpy(t):
    """Wire tensor -> array. Data is little-endian, row-major."""
    dtype = np.dtype(NUMPY[t.dtype]).newbyteorder("<")
    return np.frombuffer(t.data, dtype=dtype).reshape(tuple(t.shape))


def to_wire(a):
    """Array (or scalar) -> wire tensor, keeping a 0-d array a scalar (empty shape)."""
    a = np.asarray(a)
    dtype = np.dtype(a.dtype.type)  # the same type in native byte order
    if dtype not in WIRE:
        raise TypeError(f"an action must be float32, float64, int64 or uint8, not {a.dtype}")
    # tobytes() writes row-major whatever the memory layout.
    return agent_pb2.Tensor(dtype=WIRE[dtype], shape=list(a.shape),
                            data=a.astype(dtype.newbyteorder("<"), copy=False).tobytes())


class Policy:
    """Replace with your model. Gets the observation dict and the episode's action space."""

    def act(self, observation, space):
        if space.HasField("discrete"):
            # CartPole-style controller: push towards the side the pole leans to.
            state = observation["state"]
            choice = 1 if state[2] + 0.5 * state[3] > 0 else 0
            return np.array(space.discrete.start + choice, dtype=np.int64)
        box = space.box
        dtype = NUMPY[box.dtype]
        shape = tuple(box.shape)
        low = np.array(box.low, dtype=np.float64).reshape(shape)
        high = np.array(box.high, dtype=np.float64).reshape(shape)
        action = np.zeros(shape, dtype=np.float64)  # your model's output goes here
        # The bounds are float64: clip in float64, then answer in the box's own dtype.
        return np.clip(action, low, high).astype(dtype)


class Agent(agent_pb2_grpc.AgentServiceServicer):
    def __init__(self):
        self.policy = Policy()
        self.spaces = {}  # episode_index -> action space

    def Ping(self, request, context):
        return agent_pb2.PingResponse(message=request.message, agent_name="python-example/1")

    def Reset(self, request, context):
        # request: task_id, env_id, instruction, episode_index, action_space, max_episode_steps.
        # There is no seed: the evaluator never reveals it.
        self.spaces[request.episode_index] = request.action_space
        return agent_pb2.ResetResponse()

    def _act(self, request):
        obs = {k: to_numpy(v) for k, v in request.observation.tensors.items()}
        return to_wire(self.policy.act(obs, self.spaces[request.episode_index]))

    def Act(self, request, context):
        return agent_pb2.ActResponse(action=self._act(request))

    def ActBatch(self, request, context):
        # One observation per episode running in parallel; answer in the same order.
        return agent_pb2.ActBatchResponse(actions=[self._act(r) for r in request.requests])

    def ActStream(self, request_iterator, context):
        # Optional, faster: the evaluator sends every step (or batch) on this one stream and waits
        # for each answer before sending the next. Answer each request once, in order, with the
        # same kind. Without this method the evaluator falls back to Act/ActBatch.
        for request in request_iterator:
            if request.HasField("batch"):
                yield agent_pb2.ActStreamResponse(batch=self.ActBatch(request.batch, context))
            else:
                yield agent_pb2.ActStreamResponse(act=self.Act(request.act, context))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    args, _ = parser.parse_known_args()  # ignore options a newer evaluator may add
    # ActStream keeps one worker busy for the whole run, so Reset and Ping need a second one. The
    # evaluator still sends one call at a time: Reset and the steps never run concurrently.
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2),
                         options=[("grpc.max_receive_message_length", 128 * 1024 * 1024),
                                  # Fail if the port is taken instead of sharing it (gRPC's default).
                                  ("grpc.so_reuseport", 0)])
    agent_pb2_grpc.add_AgentServiceServicer_to_server(Agent(), server)
    address = f"{args.host}:{args.port}"
    try:
        bound = server.add_insecure_port(address)  # older grpcio returns 0 on failure, newer raises
    except RuntimeError as e:
        sys.exit(f"cannot listen on {address}: {e}")
    if bound == 0:
        sys.exit(f"cannot listen on {address}")
    server.start()
    # The evaluator waits 2 s after SIGTERM before it kills the agent: finish within that.
    signal.signal(signal.SIGTERM, lambda *_: server.stop(grace=1))
    server.wait_for_termination()


if __name__ == "__main__":
    main()
