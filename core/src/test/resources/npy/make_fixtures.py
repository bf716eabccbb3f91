#!/usr/bin/env python3
"""Writes the .npy fixtures byte by byte from numpy's format specification (NEP 1), without numpy.

Every file holds the 2 x 3 array [[1, 2, 3], [4, 5, 6]] (or, for the 1-D files, [1, 2, 3]).
Run it from this folder; the files are committed, so tests need no Python.
"""
import struct

DATA = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]


def npy(version, descr, fortran, shape, values):
    header = "{'descr': '%s', 'fortran_order': %s, 'shape': %s, }" % (
        descr, "True" if fortran else "False", shape)
    prefix = 10 if version == 1 else 12
    total = prefix + len(header) + 1
    header += " " * ((64 - total % 64) % 64) + "\n"
    out = b"\x93NUMPY" + bytes([version, 0])
    out += struct.pack("<H" if version == 1 else "<I", len(header)) + header.encode("latin1")
    order = ">" if descr[0] == ">" else "<"
    code = "d" if descr[2] == "8" else "f"
    for v in values:
        out += struct.pack(order + code, v)
    return out


for version in (1, 2):
    for descr in ("<f8", ">f8", "<f4", ">f4"):
        for fortran in (False, True):
            values = [DATA[i][j] for j in range(3) for i in range(2)] if fortran else [v for row in DATA for v in row]
            name = "v%d_%s_%s.npy" % (version, {"<": "le", ">": "be"}[descr[0]] + descr[1:], "F" if fortran else "C")
            with open(name, "wb") as f:
                f.write(npy(version, descr, fortran, "(2, 3)", values))
with open("v1_lef8_1d.npy", "wb") as f:
    f.write(npy(1, "<f8", False, "(3,)", [1.0, 2.0, 3.0]))
