"""Every (policy, case, address, verdict, severity) of before.tsv must be in after.tsv: `python3 scripts/case-verdicts/compare.py`."""
import os, sys
here = os.path.dirname(__file__)

def load(name):
    out = set()
    for line in open(os.path.join(here, name)):
        policy, case, _form, address, verdict, severity, _ok = line.rstrip('\n').split('\t')
        # A source folder `x-source` became the tf form of case `x`.
        out.add((policy, case.removesuffix('-source'), address, verdict, severity))
    return out

lost = load('before.tsv') - load('after.tsv')
for row in sorted(lost): print('lost:', *row)
sys.exit(1 if lost else 0)
