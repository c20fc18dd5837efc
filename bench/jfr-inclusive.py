#!/usr/bin/env python3
# Top frames of a JFR recording: self time and inclusive time (frames matching a regex), from
#   jfr print --stack-depth 200 --events jdk.ExecutionSample rec.jfr > rec.txt
#   bench/jfr-inclusive.py rec.txt [top-n] [regex]
# (jfr print keeps 5 frames per stack unless --stack-depth is given: inclusive times need the whole stack.)
import sys, re, collections
# parse jfr print output: each event has stackTrace = [ frames... ]
txt = open(sys.argv[1]).read()
events = txt.split('jdk.ExecutionSample')
selfc = collections.Counter(); incl = collections.Counter(); n = 0
pat = re.compile(r'^\s+([\w$.<>/]+)\(.*line:', re.M)
for ev in events:
    frames = pat.findall(ev)
    if not frames: continue
    n += 1
    selfc[frames[0]] += 1
    for f in set(frames): incl[f] += 1
print("samples", n)
print("--- top self")
for f, c in selfc.most_common(int(sys.argv[2]) if len(sys.argv) > 2 else 25): print("%5.1f%% %s" % (100.0*c/n, f))
print("--- inclusive (filtered)")
flt = sys.argv[3] if len(sys.argv) > 3 else 'incidents|h2|security|Digest|jackson'
for f, c in incl.most_common(3000):
    if re.search(flt, f): print("%5.1f%% %s" % (100.0*c/n, f))
