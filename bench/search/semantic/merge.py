# Merges jars into one (first entry of a name wins, signatures and debug symbols dropped), as a shaded
# jar would, and prints its size; MODE is 'all' or 'linux-x64' (native libraries of that platform only).
#   python3 merge.py OUT.jar MODE docpulse.jar dep1.jar dep2.jar ...
import sys, zipfile, re
out, mode, jars = sys.argv[1], sys.argv[2], sys.argv[3:]
seen = set()
def keep(n):
    if n.endswith('.pdb') or '.dSYM/' in n: return False
    if mode == 'linux-x64' and ('/native/' in '/' + n):
        return ('linux-x64/' in n or 'linux-x86_64/' in n or n.endswith('.properties'))
    return True
with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for j in jars:
        with zipfile.ZipFile(j) as src:
            for info in src.infolist():
                n = info.filename
                if n in seen or n.endswith('/') or not keep(n): continue
                if re.match(r'META-INF/.*\.(SF|RSA|DSA)$', n): continue
                seen.add(n)
                z.writestr(info, src.read(n))
import os; print(out, mode, os.path.getsize(out))
