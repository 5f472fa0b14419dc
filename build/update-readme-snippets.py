#!/usr/bin/env python3
"""Copies each tagged example region into README.md's matching snippet block.

ReadmeSnippetsTest (examples module) fails when the two differ; run this from the repository root to fix it:
    python3 build/update-readme-snippets.py
"""
import re

SNIPPET = re.compile(r'(<!-- snippet: (\S+) (\S+) -->\n```(?:java|xml)\n)(.*?)(\n```)', re.S)


def region(path, tag):
    lines = open(path, encoding='utf-8').read().split('\n')
    start = next(i for i, l in enumerate(lines)
                 if l.strip() in (f'// tag::{tag}[]', f'<!-- tag::{tag}[] -->')) + 1
    end = next(i for i, l in enumerate(lines) if l.strip() in (f'// end::{tag}[]', f'<!-- end::{tag}[] -->'))
    body = lines[start:end]
    indent = min(len(l) - len(l.lstrip()) for l in body if l.strip())
    return '\n'.join(l[indent:] if l.strip() else '' for l in body)


readme = open('README.md', encoding='utf-8').read()
readme = SNIPPET.sub(lambda m: m.group(1) + region(m.group(3), m.group(2)) + m.group(5), readme)
open('README.md', 'w', encoding='utf-8').write(readme)
