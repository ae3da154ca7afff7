#!/usr/bin/python3
"""legacy_encode.py ENC < utf8 > bytes: writes Vietnamese UTF-8 text in a
pre-Unicode encoding (tcvn3, vni, cp1258) for the end-to-end tests.

The tables are typed here from the code charts, independently of the C
decoder (src/text_legacy.c), so that a round trip through both checks each.
A character the encoding cannot hold is an error."""
import sys, unicodedata

LETTERS = ("a à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ e è é ẻ ẽ ẹ ê ề ế ể ễ ệ i ì í ỉ ĩ ị "
           "o ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ u ù ú ủ ũ ụ ư ừ ứ ử ữ ự y ỳ ý ỷ ỹ ỵ").split()
# TCVN3 (VN3): the byte of each letter above, written as Latin-1 characters
TCVN3 = ("a µ ¸ ¶ · ¹ ¨ » ¾ ¼ ½ Æ © Ç Ê È É Ë ® e Ì Ð Î Ï Ñ ª Ò Õ Ó Ô Ö i × Ý Ø Ü Þ "
         "o ß ã á â ä « å è æ ç é ¬ ê í ë ì î u ï ó ñ ò ô \u00ad õ ø ö ÷ ù y ú ý û ü þ").split()
TCVN3_CAPS = dict(zip("ĂÂÊÔƠƯĐ", "¡¢£¤¥¦§"))

# VNI-Windows: base letter, then a byte for the vowel mark and tone together
VNI_TONE = {"": "", "\u0300": "ø", "\u0301": "ù", "\u0309": "û", "\u0303": "õ", "\u0323": "ï"}
VNI_HAT = {"": "â", "\u0300": "à", "\u0301": "á", "\u0309": "å", "\u0303": "ã", "\u0323": "ä"}
VNI_BREVE = {"": "ê", "\u0300": "è", "\u0301": "é", "\u0309": "ú", "\u0303": "ü", "\u0323": "ë"}
VNI_I = {"\u0300": "ì", "\u0301": "í", "\u0309": "æ", "\u0303": "ó", "\u0323": "ò"}
TONES = "\u0300\u0301\u0303\u0309\u0323"

def split(ch):
    """base letter (with ơ ư đ kept whole), vowel mark, tone"""
    d = unicodedata.normalize("NFD", ch)
    tone = "".join(c for c in d if c in TONES)
    rest = "".join(c for c in d if c not in TONES)
    whole = unicodedata.normalize("NFC", rest)
    if whole.lower() in ("ơ", "ư", "đ"):
        return whole, "", tone
    return rest[0], rest[1:], tone

def vni(ch):
    base, mark, tone = split(ch)
    up = base != base.lower()
    b = base.lower()
    if b == "đ": out = "ñ"
    elif b == "ơ": out = "ô" + VNI_TONE[tone]
    elif b == "ư": out = "ö" + VNI_TONE[tone]
    elif b == "i" and tone: out = VNI_I[tone]
    elif b == "y" and tone == "\u0323": out = "î"
    elif mark == "\u0302": out = b + VNI_HAT[tone]
    elif mark == "\u0306": out = b + VNI_BREVE[tone]
    elif not mark: out = b + VNI_TONE[tone]
    else: raise ValueError(ch)
    # upper case: ASCII letters and every byte from 0xC0 lose 0x20
    return "".join(c.upper() if up and (ord(c) < 0x80 or ord(c) >= 0xE0) else c for c in out)

def cp1258(ch):
    base, mark, tone = split(ch)
    return unicodedata.normalize("NFC", base + mark) + tone

def encode(text, enc):
    table = dict(zip(LETTERS, TCVN3)) if enc == "tcvn3" else {}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ord(ch) < 0x80:
            out += ch.encode("ascii")
        elif enc == "tcvn3":
            lat = table.get(ch) or TCVN3_CAPS.get(ch)
            out += lat.encode("latin-1") if lat else ch.encode("cp1252")
        elif enc == "vni":
            try:
                out += vni(ch).encode("latin-1")
            except (ValueError, KeyError, IndexError):
                out += ch.encode("cp1252")  # punctuation: Word's quotes and dashes
        else:
            out += cp1258(ch).encode("cp1258")
    return bytes(out)

if __name__ == "__main__":
    sys.stdout.buffer.write(encode(sys.stdin.read(), sys.argv[1]))
