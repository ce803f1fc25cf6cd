#!/usr/bin/env python3
"""Reference trajectories for Kinitro's classic control tasks, computed from the published equations.

This script does NOT use Kinitro's Java code, and it does not import gymnasium. It re-states the
dynamics of Gymnasium's CartPole-v1, Pendulum-v1, MountainCar-v0, MountainCarContinuous-v0 and
Acrobot-v1 (constants, Euler/RK4 integrators, clipping, rewards, termination, TimeLimit truncation,
float32 observations) in plain Python floats, and draws initial states with NumPy's
Generator(PCG64(SeedSequence(seed))).uniform exactly as Gymnasium's reset(seed=...) does.

Two deliberate choices make the reference reproducible bit for bit on any machine:
  * sin and cos are fdlibm's algorithm (the one Java's StrictMath specifies), implemented below
    from its published description. Gymnasium calls the platform libm instead (glibc differs from
    fdlibm in the last bit for about 3% of arguments), and in chaotic regimes such last-bit
    differences can grow. A second set, classic-reference/libm/, is computed with Python's
    math.sin/math.cos (the platform libm, as Gymnasium does); Kinitro must agree with it to float32
    precision, and with the fdlibm set bit for bit.
  * x**2 is written x*x (correctly rounded). NumPy's scalar ** goes through pow, which on some
    CPUs (AVX-512 builds) is not always correctly rounded.
MountainCarContinuous follows NumPy 2 typing (NEP 50): after the first step its state is float32
and arithmetic and comparisons with Python floats happen in float32.

Regenerate (from the repository root; needs python3 and numpy >= 2):
    python3 environments/src/test/python/classic_reference.py
It writes environments/src/test/resources/classic-reference/<Env>.json and libm/<Env>.json: per episode the seed (or the
given initial state), the step limit, the recorded actions and, after every step, the float32
observation (shortest decimal form), reward, terminated, truncated and the full float64 state.
"""
import argparse
import json
import math
import pathlib
import struct

import numpy as np

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "classic-reference"


# --- fdlibm sine and cosine ----------------------------------------------------------------------

def _high_word(x):
    return struct.unpack("<q", struct.pack("<d", x))[0] >> 32


def _from_high_word(hi):
    return struct.unpack("<d", struct.pack("<q", (hi & 0xFFFFFFFF) << 32))[0]


# Minimax polynomial coefficients of fdlibm's k_sin.c / k_cos.c (error below 2**-58 on [-pi/4, pi/4]).
S = [float.fromhex(h) for h in ("-0x1.5555555555549p-3", "0x1.111111110f8a6p-7", "-0x1.a01a019c161d5p-13",
                                "0x1.71de357b1fe7dp-19", "-0x1.ae5e68a2b9cebp-26", "0x1.5d93a5acfd57cp-33")]
C = [float.fromhex(h) for h in ("0x1.555555555554cp-5", "-0x1.6c16c16c15177p-10", "0x1.a01a019cb159p-16",
                                "-0x1.27e4f809c52adp-22", "0x1.1ee9ebdb4b1c4p-29", "-0x1.8fae9be8838d4p-37")]
# pi/2 split into 33-bit pieces plus tails, and 53 bits of 2/pi (e_rem_pio2.c).
INV_PIO2 = float.fromhex("0x1.45f306dc9c883p-1")
PIO2_1, PIO2_1T = float.fromhex("0x1.921fb544p0"), float.fromhex("0x1.0b4611a626331p-34")
PIO2_2, PIO2_2T = float.fromhex("0x1.0b4611a6p-34"), float.fromhex("0x1.3198a2e037073p-69")
PIO2_3, PIO2_3T = float.fromhex("0x1.3198a2ep-69"), float.fromhex("0x1.b839a252049c1p-104")


def _sin_poly(x, y, tail):
    """sin(x + y) for |x| <= pi/4; tail says whether y is used."""
    if (_high_word(x) & 0x7FFFFFFF) < 0x3E400000 and int(x) == 0:
        return x
    z = x * x
    v = z * x
    r = S[1] + z * (S[2] + z * (S[3] + z * (S[4] + z * S[5])))
    if not tail:
        return x + v * (S[0] + z * r)
    return x - ((z * (0.5 * y - v * r) - y) - v * S[0])


def _cos_poly(x, y):
    """cos(x + y) for |x| <= pi/4."""
    ix = _high_word(x) & 0x7FFFFFFF
    if ix < 0x3E400000 and int(x) == 0:
        return 1.0
    z = x * x
    r = z * (C[0] + z * (C[1] + z * (C[2] + z * (C[3] + z * (C[4] + z * C[5])))))
    if ix < 0x3FD33333:
        return 1.0 - (0.5 * z - (z * r - x * y))
    qx = 0.28125 if ix > 0x3FE90000 else _from_high_word(ix - 0x00200000)
    hz = 0.5 * z - qx
    a = 1.0 - qx
    return a - (hz - (z * r - x * y))


def _reduce(x):
    """(n, y0, y1) with y0 + y1 = x - n*pi/2 and |y0| <= pi/4, for |x| <= 2**19 * pi/2."""
    hx = _high_word(x)
    ix = hx & 0x7FFFFFFF
    if ix <= 0x3FE921FB:
        return 0, x, 0.0
    if ix < 0x4002D97C:  # |x| < 3pi/4: n = +-1
        sign = 1.0 if hx > 0 else -1.0
        z = x - sign * PIO2_1
        if ix != 0x3FF921FB:
            y0 = z - sign * PIO2_1T
            return int(sign), y0, (z - y0) - sign * PIO2_1T
        z = z - sign * PIO2_2
        y0 = z - sign * PIO2_2T
        return int(sign), y0, (z - y0) - sign * PIO2_2T
    if ix > 0x413921FB:
        raise ValueError(f"argument {x} needs Payne-Hanek reduction, which this reference does not implement")
    t = abs(x)
    n = int(t * INV_PIO2 + 0.5)
    fn = float(n)
    r = t - fn * PIO2_1
    w = fn * PIO2_1T
    # fdlibm skips the extra check when x is not close to a multiple of pi/2 (its table of the
    # high words of n*pi/2); computing those words here gives the same table.
    if n < 32 and ix != _high_word(n * (math.pi / 2)):
        y0 = r - w
    else:
        j = ix >> 20
        y0 = r - w
        i = j - ((_high_word(y0) >> 20) & 0x7FF)
        if i > 16:
            t = r
            w = fn * PIO2_2
            r = t - w
            w = fn * PIO2_2T - ((t - r) - w)
            y0 = r - w
            i = j - ((_high_word(y0) >> 20) & 0x7FF)
            if i > 49:
                t = r
                w = fn * PIO2_3
                r = t - w
                w = fn * PIO2_3T - ((t - r) - w)
                y0 = r - w
    y1 = (r - y0) - w
    if hx < 0:
        return -n, -y0, -y1
    return n, y0, y1


def fd_sin(x):
    n, y0, y1 = _reduce(x)
    if n == 0 and y1 == 0.0 and y0 == x:
        return _sin_poly(x, 0.0, False)
    return (_sin_poly(y0, y1, True), _cos_poly(y0, y1), -_sin_poly(y0, y1, True), -_cos_poly(y0, y1))[n & 3]


def fd_cos(x):
    n, y0, y1 = _reduce(x)
    if n == 0 and y1 == 0.0 and y0 == x:
        return _cos_poly(x, 0.0)
    return (_cos_poly(y0, y1), -_sin_poly(y0, y1, True), -_cos_poly(y0, y1), _sin_poly(y0, y1, True))[n & 3]


sin, cos = fd_sin, fd_cos


def f32(x):
    """Round a Python float to float32 (returned as a Python float holding the float32 value)."""
    return float(np.float32(x))


def short32(values):
    """float32 values written with the fewest digits that read back as the same float32."""
    return [float(str(np.float32(v))) for v in values]


def seeded(seed):
    return np.random.Generator(np.random.PCG64(np.random.SeedSequence(seed)))


# --- the five tasks --------------------------------------------------------------------------------
# Each task: reset(rng) -> state, step(state, action) -> (state, reward, terminated), obs(state).

class CartPole:
    name, limit = "CartPole-v1", 500
    g, m_cart, m_pole, half_len, force_mag, tau = 9.8, 1.0, 0.1, 0.5, 10.0, 0.02
    total = m_pole + m_cart
    pml = m_pole * half_len
    theta_max, x_max = 12 * 2 * math.pi / 360, 2.4

    @staticmethod
    def reset(rng):
        return [float(v) for v in rng.uniform(-0.05, 0.05, size=(4,))]

    @classmethod
    def step(cls, s, a):
        x, x_dot, th, th_dot = s
        force = cls.force_mag if a == 1 else -cls.force_mag
        ct, st = cos(th), sin(th)
        temp = (force + cls.pml * (th_dot * th_dot) * st) / cls.total
        th_acc = (cls.g * st - ct * temp) / (cls.half_len * (4.0 / 3.0 - cls.m_pole * (ct * ct) / cls.total))
        x_acc = temp - cls.pml * th_acc * ct / cls.total
        s = [x + cls.tau * x_dot, x_dot + cls.tau * x_acc, th + cls.tau * th_dot, th_dot + cls.tau * th_acc]
        done = s[0] < -cls.x_max or s[0] > cls.x_max or s[2] < -cls.theta_max or s[2] > cls.theta_max
        return s, 1.0, done

    @staticmethod
    def obs(s):
        return [f32(v) for v in s]


class Pendulum:
    name, limit = "Pendulum-v1", 200

    @staticmethod
    def reset(rng):
        return [float(v) for v in rng.uniform(low=np.array([-np.pi, -1.0]), high=np.array([np.pi, 1.0]))]

    @staticmethod
    def step(s, a):
        th, th_dot = s
        u = f32(min(max(a, -2.0), 2.0))               # float32 action clipped in float32
        norm = math.fmod(th + math.pi, 2 * math.pi)     # Python's floored modulo, written out
        if norm != 0 and norm < 0:
            norm += 2 * math.pi
        norm -= math.pi
        costs = norm * norm + 0.1 * (th_dot * th_dot) + f32(f32(0.001) * f32(u * u))
        new_th_dot = th_dot + (3 * 10.0 / (2 * 1.0) * sin(th) + f32(3.0 * u)) * 0.05
        new_th_dot = min(max(new_th_dot, -8.0), 8.0)
        return [th + new_th_dot * 0.05, new_th_dot], -costs, False

    @staticmethod
    def obs(s):
        return [f32(cos(s[0])), f32(sin(s[0])), f32(s[1])]


class MountainCar:
    name, limit = "MountainCar-v0", 200

    @staticmethod
    def reset(rng):
        return [float(rng.uniform(low=-0.6, high=-0.4)), 0.0]

    @staticmethod
    def step(s, a):
        pos, vel = s
        vel = vel + ((a - 1) * 0.001 + cos(3 * pos) * (-0.0025))
        vel = min(max(vel, -0.07), 0.07)
        pos = min(max(pos + vel, -1.2), 0.6)
        if pos == -1.2 and vel < 0:
            vel = 0.0
        return [pos, vel], -1.0, pos >= 0.5 and vel >= 0

    @staticmethod
    def obs(s):
        return [f32(v) for v in s]


class MountainCarContinuous:
    """State: [position, velocity, 1.0 once stored as float32 (after the first step) else 0.0]."""
    name, limit = "MountainCarContinuous-v0", 999

    @staticmethod
    def reset(rng):
        return [float(rng.uniform(low=-0.6, high=-0.4)), 0.0, 0.0]

    @staticmethod
    def step(s, a):
        pos, vel, stored32 = s
        force = f32(min(max(a, -1.0), 1.0))
        push = f32(force * f32(0.0015))
        if not stored32:  # float64 scalars; the float32 push makes the increment float32
            vel = vel + f32(push - f32(0.0025 * cos(3 * pos)))
            vel = min(max(vel, -0.07), 0.07)
            pos = min(max(pos + vel, -1.2), 0.6)
            if pos == -1.2 and vel < 0:
                vel = 0.0
            done = pos >= 0.45 and vel >= 0
        else:  # float32 scalars: every operation rounds to float32, Python floats are cast first
            vel = f32(vel + f32(push - f32(0.0025 * cos(f32(3 * pos)))))
            if vel > f32(0.07):
                vel = f32(0.07)
            if vel < f32(-0.07):
                vel = f32(-0.07)
            pos = f32(pos + vel)
            if pos > f32(0.6):
                pos = f32(0.6)
            if pos < f32(-1.2):
                pos = f32(-1.2)
            if pos == f32(-1.2) and vel < 0:
                vel = 0.0
            done = pos >= f32(0.45) and vel >= 0
        reward = (100.0 if done else 0.0) - math.pow(force, 2) * 0.1
        return [f32(pos), f32(vel), 1.0], reward, done

    @staticmethod
    def obs(s):
        return [f32(s[0]), f32(s[1])]


class Acrobot:
    name, limit = "Acrobot-v1", 500
    torques = (-1.0, 0.0, 1.0)

    @staticmethod
    def reset(rng):
        return [f32(v) for v in rng.uniform(-0.1, 0.1, size=(4,))]

    @staticmethod
    def derivs(y, a):
        m1 = m2 = l1 = 1.0
        lc1 = lc2 = 0.5
        i1 = i2 = 1.0
        g = 9.8
        t1, t2, dt1, dt2 = y
        d1 = m1 * (lc1 * lc1) + m2 * (l1 * l1 + lc2 * lc2 + 2 * l1 * lc2 * cos(t2)) + i1 + i2
        d2 = m2 * (lc2 * lc2 + l1 * lc2 * cos(t2)) + i2
        phi2 = m2 * lc2 * g * cos(t1 + t2 - math.pi / 2.0)
        phi1 = (-m2 * l1 * lc2 * (dt2 * dt2) * sin(t2) - 2 * m2 * l1 * lc2 * dt2 * dt1 * sin(t2)
                + (m1 * lc1 + m2 * l1) * g * cos(t1 - math.pi / 2) + phi2)
        dd2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * (dt1 * dt1) * sin(t2) - phi2) / (m2 * (lc2 * lc2) + i2 - (d2 * d2) / d1)
        dd1 = -(d2 * dd2 + phi1) / d1
        return [dt1, dt2, dd1, dd2]

    @classmethod
    def step(cls, s, a):
        torque = cls.torques[a]
        dt = 0.2 - 0
        h = dt / 2.0
        k1 = cls.derivs(s, torque)
        k2 = cls.derivs([s[i] + h * k1[i] for i in range(4)], torque)
        k3 = cls.derivs([s[i] + h * k2[i] for i in range(4)], torque)
        k4 = cls.derivs([s[i] + dt * k3[i] for i in range(4)], torque)
        ns = [s[i] + dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]) for i in range(4)]
        for i in (0, 1):
            while ns[i] > math.pi:
                ns[i] -= 2 * math.pi
            while ns[i] < -math.pi:
                ns[i] += 2 * math.pi
        ns[2] = min(max(ns[2], -4 * math.pi), 4 * math.pi)
        ns[3] = min(max(ns[3], -9 * math.pi), 9 * math.pi)
        done = -cos(ns[0]) - cos(ns[1] + ns[0]) > 1.0
        return ns, (0.0 if done else -1.0), done

    @staticmethod
    def obs(s):
        return [f32(cos(s[0])), f32(sin(s[0])), f32(cos(s[1])), f32(sin(s[1])), f32(s[2]), f32(s[3])]


# --- self-check of the hand-written float32 rules ---------------------------------------------------
# The same two steps once more, written the way Gymnasium's source writes them, with NumPy scalar
# types doing the promotions (NumPy 2): Pendulum uses np.sin (a float64 scalar), MountainCarContinuous
# math.cos (a Python float). run() asserts both forms agree at every step.

def numpy_typed_step(task, s, a):
    if task is MountainCarContinuous:
        state = np.array(s[:2], dtype=np.float32 if s[2] else np.float64)
        action = np.array([a], dtype=np.float32)
        position, velocity = state[0], state[1]
        force = min(max(action[0], -1.0), 1.0)
        velocity += force * 0.0015 - 0.0025 * float(cos(float(3 * position)))
        if velocity > 0.07:
            velocity = 0.07
        if velocity < -0.07:
            velocity = -0.07
        position += velocity
        if position > 0.6:
            position = 0.6
        if position < -1.2:
            position = -1.2
        if position == -1.2 and velocity < 0:
            velocity = 0
        done = bool(position >= 0.45 and velocity >= 0)
        reward = (100.0 if done else 0) - math.pow(action[0], 2) * 0.1
        out = np.array([position, velocity], dtype=np.float32)
        return [float(out[0]), float(out[1]), 1.0], reward, done
    if task is Pendulum:
        th, th_dot = np.array(s)
        u = np.clip(np.array([a], dtype=np.float32), -2.0, 2.0)[0]
        norm = ((th + np.pi) % (2 * np.pi)) - np.pi
        costs = norm * norm + 0.1 * (th_dot * th_dot) + 0.001 * (u * u)
        new_th_dot = np.clip(th_dot + (3 * 10.0 / (2 * 1.0) * np.float64(sin(float(th))) + 3.0 / (1.0 * 1.0**2) * u) * 0.05, -8, 8)
        return [float(th + new_th_dot * 0.05), float(new_th_dot)], float(-costs), False
    return None


# --- policies that choose the recorded actions ---------------------------------------------------
# The actions are recorded, so the Java test replays a fixed action sequence; the policies only
# make the episodes interesting (long balances, reaching goals).

def random_discrete(n):
    return lambda rng, s: int(rng.integers(n))


def random_box(low, high):
    return lambda rng, s: f32(rng.uniform(low, high))


def cartpole_balance(rng, s):
    x, x_dot, th, th_dot = s
    return 1 if th + 0.3 * th_dot + 0.05 * x + 0.1 * x_dot > 0 else 0


def mountain_car_pump(rng, s):
    return 2 if s[1] >= 0 else 0


def mountain_car_continuous_pump(rng, s):
    return 1.0 if s[1] >= 0 else f32(-rng.uniform(0.5, 1.0))


def acrobot_pump(rng, s):
    return 2 if s[3] > 0 else 0


EPISODES = {
    CartPole: [
        dict(seed=0, policy=random_discrete(2)),
        dict(seed=1, policy=random_discrete(2)),
        dict(seed=42, policy=cartpole_balance),
        dict(state=[0.1, -0.2, 0.15, 0.3], policy=random_discrete(2)),
    ],
    Pendulum: [
        dict(seed=0, policy=random_box(-2.0, 2.0)),
        dict(seed=3, policy=random_box(-3.0, 3.0)),  # values beyond +-2 exercise the clip
        dict(seed=7, policy=random_box(-2.0, 2.0), max_steps=500),
        dict(state=[3.0, -7.5], policy=random_box(-2.0, 2.0)),
    ],
    MountainCar: [
        dict(seed=0, policy=random_discrete(3)),
        dict(seed=5, policy=mountain_car_pump),
        dict(seed=9, policy=random_discrete(3), max_steps=500),
        dict(state=[-1.15, -0.05], policy=random_discrete(3)),
    ],
    MountainCarContinuous: [
        dict(seed=0, policy=random_box(-1.0, 1.0), max_steps=500),
        dict(seed=4, policy=mountain_car_continuous_pump),
        dict(state=[-1.1, -0.06], policy=random_box(-1.0, 1.0), max_steps=300),
    ],
    Acrobot: [
        dict(seed=0, policy=random_discrete(3)),
        dict(seed=11, policy=acrobot_pump),
        dict(state=[2.5, -1.0, 3.0, -6.0], policy=random_discrete(3)),
    ],
}


def run(task, spec, index):
    rng = seeded(1000 + index)  # the action stream
    if "seed" in spec:
        state = task.reset(seeded(spec["seed"]))
    else:
        state = [float(v) for v in spec["state"]]
        if task is MountainCarContinuous:
            state = state + [0.0]
    limit = spec.get("max_steps", task.limit)
    episode = {"initial_state": state, "max_episode_steps": limit, "initial_observation": short32(task.obs(state)),
               "actions": [], "observations": [], "rewards": [], "terminated": [], "truncated": [], "states": []}
    if "seed" in spec:
        episode = {"seed": spec["seed"], **episode}
    for t in range(1, limit + 1):
        action = spec["policy"](rng, state)
        typed = numpy_typed_step(task, state, action)
        state, reward, terminated = task.step(state, action)
        assert typed is None or typed == (state, reward, terminated), (task.name, t, typed, state, reward)
        truncated = t >= limit
        episode["actions"].append(action)
        episode["observations"].append(short32(task.obs(state)))
        episode["rewards"].append(reward)
        episode["terminated"].append(bool(terminated))
        episode["truncated"].append(bool(truncated))
        episode["states"].append(state)
        if terminated or truncated:
            break
    return episode


def write_all(trig, out):
    global sin, cos
    sin, cos = (fd_sin, fd_cos) if trig == "fdlibm" else (math.sin, math.cos)
    out.mkdir(parents=True, exist_ok=True)
    for task, specs in EPISODES.items():
        doc = {"env": "classic/" + task.name, "trig": trig,
               "generator": "environments/src/test/python/classic_reference.py",
               "episodes": [run(task, spec, i) for i, spec in enumerate(specs)]}
        path = out / (task.name.split("-v")[0] + ".json")
        path.write_text(json.dumps(doc, separators=(",", ":")) + "\n")
        steps = sum(len(e["actions"]) for e in doc["episodes"])
        ends = [("T" if e["terminated"][-1] else "") + ("t" if e["truncated"][-1] else "") for e in doc["episodes"]]
        print(f"{trig} {path.name}: {len(specs)} episodes, {steps} steps, ends {ends}, {path.stat().st_size} bytes")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=pathlib.Path, default=OUT)
    args = parser.parse_args()
    write_all("fdlibm", args.out)
    write_all("libm", args.out / "libm")


if __name__ == "__main__":
    main()
