#!/usr/bin/env python3
"""Summarises the CPU samples of a JFR file (jdk.ExecutionSample) of the benchmark's worker threads:
the frames that take the most samples on their own (self) and with what they call (total), and
collapsed stacks (one 'frame;frame;... count' a line, root first) for any flame-graph tool.
    bench/jfr-top.py profile.jfr [collapsed-output] [thread-substring]"""
import collections, re, subprocess, sys

jfr, out = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else None)
thread = sys.argv[3] if len(sys.argv) > 3 else "jmh-worker"
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", jfr],
                      capture_output=True, text=True, check=True).stdout
frame = re.compile(r"^\s+(\S+)\(.*\)\s+line:")
stacks, current, keep, inside = collections.Counter(), [], False, False
for line in text.splitlines():
    if line.startswith("jdk.ExecutionSample"):
        current, keep, inside = [], False, False
    elif "sampledThread" in line:
        keep = thread in line
    elif "stackTrace = [" in line:
        inside = True
    elif inside and line.strip() == "]":
        inside = False
        if keep and current:
            stacks[";".join(reversed(current))] += 1
    elif inside:
        m = frame.match(line)
        if m:
            current.append(m.group(1))
total = sum(stacks.values())
self_, incl = collections.Counter(), collections.Counter()
for stack, n in stacks.items():
    frames = stack.split(";")
    self_[frames[-1]] += n
    for f in set(frames):
        incl[f] += n
if out:
    with open(out, "w") as o:
        for stack, n in stacks.most_common():
            o.write(f"{stack} {n}\n")
print(f"{total} samples of threads matching '{thread}'")
print("top self frames:")
for f, n in self_.most_common(15):
    print(f"  {100 * n / total:5.1f}%  {f}")
print("top total frames (com.incidents and the KIE entry points):")
for f, n in incl.most_common(400):
    if f.startswith("com.incidents") or re.search(r"(DMNRuntimeImpl\.evaluate|newKieSession|fireAllRules|FEELImpl\.evaluate|KieSession|dispose)", f):
        print(f"  {100 * n / total:5.1f}%  {f}")
