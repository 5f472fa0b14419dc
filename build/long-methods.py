#!/usr/bin/env python3
# Lists the methods of main code longer than N lines (default 60), longest first: from the header to the closing
# brace, comments and blank lines included; benchmarks left out. A rough count by braces, like the check in the
# before-stop hook, which it extends to package-private and annotated headers. Run from the repository root:
#   python3 build/long-methods.py 80
import glob
import re
import sys

HEADER = re.compile(
    r'^\s+(@\w+(\([^)]*\))?\s+)*((public|private|protected|static|final|synchronized|abstract|default)\s+)*'
    r'(<[^>]*>\s+)?(@\w+\s+)?[\w.]+(<[^;{=]*>)?(\[\])*\s+\w+\s*\('  # a method: [modifiers] Type name(
    r'|^\s+((public|private|protected)\s+)?[A-Z]\w*\s*\('  # a constructor: [modifier] Name(
)
NOT_A_HEADER = ('return', 'new ', 'throw', 'else', 'if', 'for', 'while', 'switch')


def long_methods(limit):
    out = []
    for path in glob.glob('*/src/main/java/**/*.java', recursive=True):
        if path.startswith('benchmarks/'):
            continue
        lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
        i = 0
        while i < len(lines):
            line = lines[i]
            text = line.strip()
            head = line.split('(')[0]
            if (HEADER.match(line) and not text.startswith(NOT_A_HEADER) and not text.endswith(';')
                    and not re.search(r'\b(class|record|interface|enum)\b|=', head)):
                j, depth, opened = i, 0, False
                while j < len(lines):
                    if lines[j].strip().endswith(';') and not opened and depth == 0:
                        break  # an abstract or interface method: no body
                    depth += lines[j].count('{') - lines[j].count('}')
                    opened = opened or '{' in lines[j]
                    if opened and depth <= 0:
                        break
                    j += 1
                if opened and j - i + 1 > limit:
                    out.append((j - i + 1, f'{path}:{i + 1}', text[:70]))
                i = j + 1 if opened else i + 1
            else:
                i += 1
    return sorted(out, reverse=True)


if __name__ == '__main__':
    for n, where, text in long_methods(int(sys.argv[1]) if len(sys.argv) > 1 else 60):
        print(f'{n:4d} {where}  {text}')
