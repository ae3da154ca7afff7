#!/usr/bin/env python3
"""The first render seeds (tests/fuzz/render-seeds) and fuzz regressions
(tests/fuzz-regressions): one small input for each hazard the project's
history names (damaged PNG and JPEG images, paths out of the folder, broken
CSV files, deep or invalid YAML, huge numbers, duplicates, ...), written as
the whole-pipeline target reads them (the YAML, then "%%file NAME" lines
each followed by a file). Run from the repository: python3 tests/fuzz/first_inputs.py .
Later findings are saved as the fuzzer wrote them, not added here."""
import struct, sys, zlib, os
root = sys.argv[1]
seeds = os.path.join(root, "tests/fuzz/render-seeds")
reg = os.path.join(root, "tests/fuzz-regressions/render")
regl = os.path.join(root, "tests/fuzz-regressions/load")
for d in (seeds, reg, regl): os.makedirs(d, exist_ok=True)
def chunk(t, data): return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xffffffff)
def png(w, h, rgba, filter_byte=0, ihdr=None, depth=8, ctype=6):
    raw = b"".join(bytes([filter_byte]) + b"".join(bytes(rgba(x, y)) for x in range(w)) for y in range(h))
    hdr = ihdr or (w, h)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", hdr[0], hdr[1], depth, ctype, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
emblem = png(6, 4, lambda x, y: (200, 30, 30, 255))
seal = png(8, 8, lambda x, y: (220, 20, 20, 200 if (x - 4) ** 2 + (y - 4) ** 2 < 12 else 0))
sig = open(os.path.join(root, "tests/images/grey-progressive.jpg"), "rb").read()
bad_crc = bytearray(seal); i = bad_crc.index(b"IDAT"); n = struct.unpack(">I", bad_crc[i - 4:i])[0]
bad_crc[i + 4 + n] ^= 0xFF
CSV = "STT;Họ và tên;Chức vụ;Đơn vị;Tập thể\n1;Nguyễn Văn An;Giảng viên;\"Khoa Dân vận; Phòng A\";\n2;\"Lê Thị \"\"Bé\"\" Ba\";Chuyên viên;Khoa Lý luận cơ sở;không\n3;Phòng B;;Phòng B;x\n"
def decision(enc="", csv="list.csv", emblem="emblem.png", sig="signature.jpg", seal="seal.png", number="15", extra=""):
    return f"""organisation: {{name: Trường Chính trị Tôn Đức Thắng, abbreviation: TCT, place: An Giang}}
decisions:
  - number: {number}
    date: 2020-12-30
    summary: Về việc công nhận danh hiệu “Lao động tiên tiến” năm 2020
    authority: HIỆU TRƯỞNG TRƯỜNG CHÍNH TRỊ TÔN ĐỨC THẮNG
    articles:
      - Công nhận {{count}} cá nhân.
    signer: {{title: HIỆU TRƯỞNG, name: Hồ Ngọc Trường, signature: {sig}, seal: {seal}}}
    certificate_layout: certificate-a4
    emblem: {emblem}
    list:
      csv: {{file: {csv}, {enc}name: Họ và tên, position: Chức vụ, unit: Đơn vị, collective: Tập thể}}
{extra}""".encode()
def bundle(yaml, files):
    out = yaml
    for name, data in files:
        out += b"\n%%file " + name.encode() + b"\n" + data
    return out
good = [("list.csv", CSV.encode()), ("emblem.png", emblem), ("signature.jpg", sig), ("seal.png", seal)]
def tiny_pdf():
    objs = [b"<</Type/Catalog/Pages 2 0 R>>", b"<</Type/Pages/Kids[3 0 R]/Count 1>>", b"<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>"]
    out = b"%PDF-1.4\n"; offs = []
    for i, o in enumerate(objs):
        offs.append(len(out)); out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    x = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offs)
    return out + b"trailer\n<</Size %d/Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, x)
import unicodedata
def cp1258(text):
    out = b""
    for ch in text:
        try: out += ch.encode("cp1258"); continue
        except UnicodeEncodeError: pass
        d = unicodedata.normalize("NFD", ch)
        shape = [m for m in d[1:] if m in "\u0302\u0306\u031b"]
        tones = [m for m in d[1:] if m not in shape]
        out += unicodedata.normalize("NFC", d[0] + "".join(shape)).encode("cp1258") + "".join(tones).encode("cp1258")
    return out
def put(d, name, data): open(os.path.join(d, name), "wb").write(data)
def swap(files, name, data): return [(n, data if n == name else d) for n, d in files]
# seeds: good inputs that reach the CSV reader and both decoders
put(seeds, "decision-csv-images", bundle(decision(), good))
put(seeds, "certificates-recipients", bundle(decision(csv="list.csv").replace(b"signature: signature.jpg, ", b""), good[:2] + good[3:]))
put(seeds, "csv-cp1258", bundle(decision(enc="encoding: cp1258, "), swap(good, "list.csv", cp1258(CSV))))
put(seeds, "volume-scan", bundle(open(os.path.join(root, "tests/bad/volume-scan-corrupt.yaml"), "rb").read().replace(b"scan-corrupt.pdf", b"a.pdf").split(b"\n", 2)[2],
    [("a.pdf", tiny_pdf())]))
# regressions: every hazard the history names
R = lambda name, data: put(reg, name, data)
R("png-bad-filter", bundle(decision(), swap(good, "seal.png", png(8, 8, lambda x, y: (1, 2, 3, 255), filter_byte=7))))
R("png-bad-crc", bundle(decision(), swap(good, "seal.png", bytes(bad_crc))))
R("png-truncated", bundle(decision(), swap(good, "seal.png", seal[:len(seal) // 2])))
R("png-huge-ihdr", bundle(decision(), swap(good, "emblem.png", png(4, 4, lambda x, y: (0, 0, 0, 255), ihdr=(20000, 20000)))))
R("png-zero-width", bundle(decision(), swap(good, "emblem.png", png(1, 1, lambda x, y: (0, 0, 0, 255), ihdr=(0, 1)))))
R("png-16bit-grey", bundle(decision(), swap(good, "emblem.png", png(3, 3, lambda x, y: (0, 9), depth=16, ctype=0))))
R("png-palette-no-plte", bundle(decision(), swap(good, "emblem.png", png(3, 3, lambda x, y: (0,), depth=8, ctype=3))))
R("png-empty", bundle(decision(), swap(good, "seal.png", b"")))
R("not-an-image", bundle(decision(), swap(good, "seal.png", b"GIF89a\x01\x00\x01\x00")))
R("jpeg-truncated", bundle(decision(), swap(good, "signature.jpg", sig[:len(sig) // 2])))
R("jpeg-cmyk", bundle(decision(), swap(good, "signature.jpg", open(os.path.join(root, "tests/images/seal-cmyk.jpg"), "rb").read())))
R("jpeg-soi-only", bundle(decision(), swap(good, "signature.jpg", b"\xff\xd8\xff")))
R("image-missing", bundle(decision(seal="nothere.png"), good))
R("path-absolute", bundle(decision(csv="/etc/passwd"), good))
R("path-above", bundle(decision(csv="../../etc/passwd"), good))
R("path-dot-dot-inside", bundle(decision(csv="x/../list.csv"), good))
R("csv-tab-in-name", bundle(decision(), swap(good, "list.csv", CSV.replace("Nguyễn Văn An", "Nguyễn\tVăn An").encode())))
R("csv-nul", bundle(decision(), swap(good, "list.csv", CSV.encode().replace(b"An;", b"A\x00n;"))))
R("csv-bad-utf8", bundle(decision(), swap(good, "list.csv", CSV.encode().replace(b"An;", b"A\xc3\x28n;"))))
R("csv-broken-quotes", bundle(decision(), swap(good, "list.csv", CSV.encode() + b'4;"Vo E" sai;x;y;\n5;"open\n')))
R("csv-duplicate-headers", bundle(decision(), swap(good, "list.csv", ("STT;Họ và tên;Họ và tên;Chức vụ;Đơn vị;Tập thể\n1;A;B;C;D;\n").encode())))
R("csv-header-only", bundle(decision(), swap(good, "list.csv", b"STT;H\xe1\xbb\x8d v\xc3\xa0 t\xc3\xaan\n")))
R("csv-empty", bundle(decision(), swap(good, "list.csv", b"")))
R("csv-bom-only", bundle(decision(), swap(good, "list.csv", b"\xef\xbb\xbf")))
R("csv-crlf-cr", bundle(decision(), swap(good, "list.csv", CSV.replace("\n", "\r").encode())))
R("csv-long-field", bundle(decision(), swap(good, "list.csv", (CSV + "4;" + "Nguyễn " * 400 + ";x;y;\n").encode())))
R("csv-many-columns", bundle(decision(), swap(good, "list.csv", (CSV.split("\n")[0] + ";c" * 3000 + "\n1;A;B;C;\n").encode())))
R("number-huge", bundle(decision(number="999999999999999999999999999999"), good))
R("number-negative", bundle(decision(number="-1"), good))
R("date-huge-year", bundle(decision().replace(b"2020-12-30", b"99999-12-30"), good))
R("duplicate-decision-numbers", bundle(decision() + decision().split(b"decisions:\n", 1)[1], good))
R("markup-unclosed-article", bundle(decision().replace(b"- C\xc3\xb4ng nh\xe1\xba\xadn {count} c\xc3\xa1 nh\xc3\xa2n.", b"- \"C\xc3\xb4ng nh\xe1\xba\xadn **{count} c\xc3\xa1 nh\xc3\xa2n.\""), good))
R("yaml-bad-utf8", decision().replace("Trường".encode(), b"Tr\xc6\xb0\xff\xfeng"))
R("yaml-nul", decision().replace("Trường".encode(), b"Tr\x00ng"))
R("yaml-deep", b"a: " + b"[" * 200 + b"]" * 200 + b"\n")
R("yaml-deep-map", b"".join(b"  " * i + b"k:\n" for i in range(100)) + b"  " * 100 + b"v\n")
R("yaml-alias-bomb", b"a0: &a0 [x, x, x, x, x, x, x, x, x]\n" + b"".join(b"a%d: &a%d [%s]\n" % (i, i, b", ".join([b"*a%d" % (i - 1)] * 9)) for i in range(1, 10)))
R("yaml-unknown-keys", b"organisation: {name: A, abbreviation: B, place: C}\n" + b"".join(b"k%d: 1\n" % i for i in range(2000)))
R("yaml-tab-indent", decision().replace(b"\n    date", b"\n\tdate"))
R("volume-scan-corrupt", bundle(open(os.path.join(seeds, "volume-scan"), "rb").read().split(b"\n%%file ")[0], [("a.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\n")]))
R("volume-scan-not-pdf", bundle(open(os.path.join(seeds, "volume-scan"), "rb").read().split(b"\n%%file ")[0], [("a.pdf", png(2, 2, lambda x, y: (0, 0, 0, 255)))]))
R("separator-only", b"%%file \n%%file x\n%%file")
# loader regressions (fuzz_load: a tree or exactly one error)
L = lambda name, data: put(regl, name, data)
L("deep-seq", b"[" * 10000)
L("deep-map", b"{a: " * 5000)
L("bad-utf8-key", b"\xc3: x\n")
L("nul-in-scalar", b"a: \"x\\0y\"\n")
L("huge-integer", b"a: 123456789012345678901234567890123456789\n")
L("huge-float", b"a: 1e99999\n")
L("alias-bomb", open(os.path.join(reg, "yaml-alias-bomb"), "rb").read())
L("duplicate-keys", b"a: 1\na: 2\n")
L("tab-indent", b"a:\n\tb: 1\n")
L("bom-utf16", b"\xff\xfea\x00:\x00 \x00b\x00\n\x00")
L("lone-surrogate-escape", b"a: \"\\ud800\"\n")
L("empty", b"")
