import { createRequire as __mgCreateRequire } from "node:module";
const require = __mgCreateRequire(import.meta.url);
import {
  isNanLiteralBytes,
  parseDatetimeBytes,
  parseNumberBytes
} from "./chunk-DYO4I62G.js";
import {
  COLUMN_TYPES
} from "./chunk-IXAQPRDD.js";
import {
  ModelguardError
} from "./chunk-7XDOXOVQ.js";

// src/data/openDataFile.ts
import { open } from "node:fs/promises";
async function openDataFile(file) {
  try {
    const fh = await open(file, "r");
    const stat = await fh.stat();
    if (stat.isDirectory()) {
      await fh.close();
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file
      });
    }
    if (!stat.isFile()) {
      await fh.close();
      throw new ModelguardError(
        "input",
        `${file} is not a regular file (a pipe, socket or device): data files are read by position, some more than once`,
        "Write the data to a file first and pass its path.",
        { file }
      );
    }
    return fh;
  } catch (e) {
    if (e instanceof ModelguardError) throw e;
    const code = e.code;
    if (code === "ENOENT")
      throw new ModelguardError(
        "input",
        `${file}: no such file`,
        "Check the path (it is relative to the working directory).",
        {
          file
        }
      );
    if (code === "EISDIR")
      throw new ModelguardError("input", `${file} is a directory, not a data file`, "Pass the path of a file.", {
        file
      });
    if (code === "EACCES" || code === "EPERM")
      throw new ModelguardError("input", `${file}: permission denied`, "Make the file readable for this user.", {
        file
      });
    throw new ModelguardError("input", `${file}: cannot open (${e.message})`, "Check the path.", { file });
  }
}

// src/data/loadOptions.ts
import { extname as extname2 } from "node:path";

// src/data/naMatcher.ts
var DEFAULT_NA_VALUES = [
  "",
  "#N/A",
  "#N/A N/A",
  "#NA",
  "-1.#IND",
  "-1.#QNAN",
  "-NaN",
  "-nan",
  "1.#IND",
  "1.#QNAN",
  "<NA>",
  "N/A",
  "NA",
  "NULL",
  "NaN",
  "None",
  "n/a",
  "nan",
  "null"
];
var NaMatcher = class {
  values;
  /** Whether the empty cell is missing (it is unless "" was left out of naValues). */
  emptyIsNa;
  byLength = [];
  /** anyAccepted's answers by predicate: a wide file asks once per column, with one predicate per column type. */
  accepted = /* @__PURE__ */ new Map();
  constructor(naValues) {
    this.values = new Set(naValues);
    this.emptyIsNa = this.values.has("");
    for (const v of this.values) {
      const bytes = Buffer.from(v, "utf8");
      (this.byLength[bytes.length] ??= []).push(bytes);
    }
  }
  matches(bytes, start, end) {
    const list = this.byLength[end - start];
    if (list === void 0) return false;
    outer: for (const candidate of list) {
      for (let i = 0; i < candidate.length; i++) if (candidate[i] !== bytes[start + i]) continue outer;
      return true;
    }
    return false;
  }
  /** Whether some NA string also passes `accepts` (e.g. "-999" as a number): then NA must be checked first. */
  anyAccepted(accepts) {
    let answer = this.accepted.get(accepts);
    if (answer === void 0) {
      answer = false;
      for (const v of this.values) if (v !== "" && accepts(Buffer.from(v, "utf8"))) answer = true;
      this.accepted.set(accepts, answer);
    }
    return answer;
  }
};

// src/data/openDataSource.ts
import { basename, extname } from "node:path";

// src/data/decompressingSource.ts
import { open as open2 } from "node:fs/promises";
import { createGunzip } from "node:zlib";

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
function decompress(dat, buf) {
  var bufs = [], nb = +!buf;
  var bt = 0, ol = 0;
  for (; dat.length; ) {
    var st = rzfh(dat, nb || buf);
    if (typeof st == "object") {
      if (nb) {
        buf = null;
        if (st.w.length == st.u) {
          bufs.push(buf = st.w);
          ol += st.u;
        }
      } else {
        bufs.push(buf);
        st.e = 0;
      }
      for (; !st.l; ) {
        var blk = rzb(dat, st, buf);
        if (!blk)
          err(5);
        if (buf)
          st.e = st.y;
        else {
          bufs.push(blk);
          ol += blk.length;
          cpw(st.w, 0, blk.length);
          st.w.set(blk, st.w.length - blk.length);
        }
      }
      bt = st.b + st.c * 4;
    } else
      bt = st;
    dat = dat.subarray(bt);
  }
  return cct(bufs, ol);
}
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// src/data/decompressingSource.ts
var KEEP_BEHIND = 8 << 20;
var READ_BYTES = 1 << 20;
var ZSTD_PIECE = 16 << 10;
function formatBytes(n) {
  if (n >= 1 << 30) return `${(n / (1 << 30)).toFixed(n % (1 << 30) === 0 ? 0 : 1)} GiB`;
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(n % (1 << 20) === 0 ? 0 : 1)} MiB`;
  return `${n} bytes`;
}
var DecompressingSource = class {
  constructor(file, name, compression, compressedSize, limits) {
    this.file = file;
    this.name = name;
    this.compression = compression;
    this.compressedSize = compressedSize;
    this.limits = limits;
  }
  file;
  name;
  compression;
  compressedSize;
  limits;
  chunks = [];
  /** Decompressed offset of chunks[0]. */
  chunksStart = 0;
  chunksEnd = 0;
  stream = null;
  eof = false;
  /** Compressed bytes read in the current pass. */
  compressedRead = 0;
  queue = Promise.resolve();
  read(buffer, offset, length, position) {
    const run = this.queue.then(() => this.readNow(buffer, offset, length, position));
    this.queue = run.catch(() => void 0);
    return run;
  }
  async estimatedSize() {
    await this.queue;
    if (this.eof) return this.chunksEnd;
    if (this.compressedRead === 0) return this.compressedSize;
    return Math.round(this.compressedSize * this.chunksEnd / this.compressedRead);
  }
  async close() {
    await this.queue;
    await this.stream?.return(void 0);
    this.stream = null;
    this.chunks = [];
  }
  async readNow(buffer, offset, length, position) {
    if (position < this.chunksStart || this.stream === null) await this.restart();
    while (this.chunksEnd < position + length && !this.eof) await this.pull();
    let copied = 0;
    let start = this.chunksStart;
    for (const chunk of this.chunks) {
      const end = start + chunk.length;
      const at = position + copied;
      if (at < end && copied < length) {
        const n = Math.min(end - at, length - copied);
        buffer.set(chunk.subarray(at - start, at - start + n), offset + copied);
        copied += n;
      }
      start = end;
      if (copied === length) break;
    }
    const keepFrom = position + copied - KEEP_BEHIND;
    while (this.chunks.length > 1 && this.chunksStart + this.chunks[0].length <= keepFrom)
      this.chunksStart += this.chunks.shift().length;
    return { bytesRead: copied };
  }
  async restart() {
    await this.stream?.return(void 0);
    this.chunks = [];
    this.chunksStart = 0;
    this.chunksEnd = 0;
    this.eof = false;
    this.compressedRead = 0;
    this.stream = this.compression === "gzip" ? this.gunzip() : this.unzstd();
  }
  async pull() {
    let next;
    try {
      next = await this.stream.next();
    } catch (e) {
      if (e instanceof ModelguardError) throw e;
      const what = this.compression === "gzip" ? "gzip" : "zstd";
      throw new ModelguardError(
        "input",
        `${this.file}: not valid ${what} data at decompressed byte ${this.chunksEnd} (${e.message})`,
        `Check that the file is complete and really ${what}-compressed (\`${what === "gzip" ? "gzip -t" : "zstd -t"} ${this.name}\`).`,
        { file: this.file }
      );
    }
    if (next.done) {
      this.eof = true;
      return;
    }
    this.chunks.push(next.value);
    this.chunksEnd += next.value.length;
  }
  /** Refuses the file once the decompressed bytes pass the limits. */
  check(decompressed) {
    const { maxBytes, maxRatio, ratioAfterBytes } = this.limits;
    const ratio = decompressed / Math.max(1, this.compressedRead);
    if (decompressed <= maxBytes && (decompressed <= ratioAfterBytes || ratio <= maxRatio)) return;
    const why = decompressed > maxBytes ? `more than ${formatBytes(maxBytes)}` : `more than ${maxRatio} times its compressed size (${formatBytes(decompressed)} from ${formatBytes(this.compressedRead)})`;
    throw new ModelguardError(
      "input",
      `${this.file}: decompresses to ${why}: refused as a likely decompression bomb`,
      `If the data is genuine, decompress it yourself (\`${this.compression === "gzip" ? "gunzip -k" : "zstd -d"} ${this.name}\`) and pass the plain file.`,
      { file: this.file }
    );
  }
  async *gunzip() {
    const fh = await open2(this.file, "r");
    const gunzip = createGunzip({ chunkSize: 256 << 10 });
    const pump = (async () => {
      const input = Buffer.allocUnsafe(READ_BYTES);
      for (let pos = 0; ; ) {
        const { bytesRead } = await fh.read(input, 0, READ_BYTES, pos);
        if (bytesRead === 0) break;
        pos += bytesRead;
        this.compressedRead = pos;
        if (!gunzip.write(Buffer.from(input.subarray(0, bytesRead))))
          await new Promise((resolve, reject) => {
            const done = () => (off(), resolve());
            const failed = (e) => (off(), reject(e));
            const off = () => {
              gunzip.off("drain", done);
              gunzip.off("close", done);
              gunzip.off("error", failed);
            };
            gunzip.once("drain", done);
            gunzip.once("close", done);
            gunzip.once("error", failed);
          });
        if (gunzip.destroyed) break;
      }
      gunzip.end();
    })();
    pump.catch((e) => gunzip.destroy(e));
    let decompressed = 0;
    try {
      for await (const chunk of gunzip) {
        decompressed += chunk.length;
        this.check(decompressed);
        yield chunk;
      }
      await pump;
    } finally {
      gunzip.destroy();
      await pump.catch(() => void 0);
      await fh.close();
    }
  }
  async *unzstd() {
    const fh = await open2(this.file, "r");
    let out = [];
    let decompressed = 0;
    const zstd = new Decompress((data) => {
      decompressed += data.length;
      this.check(decompressed);
      if (data.length > 0) out.push(data);
    });
    try {
      const input = Buffer.allocUnsafe(READ_BYTES);
      let pos = 0;
      while (true) {
        const { bytesRead } = await fh.read(input, 0, READ_BYTES, pos);
        const last = bytesRead === 0;
        if (last) zstd.push(new Uint8Array(0), true);
        for (let i = 0; i < bytesRead; i += ZSTD_PIECE) {
          const piece = input.subarray(i, Math.min(bytesRead, i + ZSTD_PIECE));
          this.compressedRead = pos + i + piece.length;
          zstd.push(new Uint8Array(piece));
          if (out.length > 0) {
            const ready = out;
            out = [];
            yield* ready;
          }
        }
        pos += bytesRead;
        if (last) break;
      }
      yield* out;
    } finally {
      await fh.close();
    }
  }
};

// src/data/openDataSource.ts
var COMPRESSIONS = { ".gz": "gzip", ".zst": "zstd", ".zstd": "zstd" };
function compressionOf(path) {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(COMPRESSIONS, ext) ? COMPRESSIONS[ext] : void 0;
}
function withoutCompression(path) {
  return compressionOf(path) === void 0 ? path : path.slice(0, path.length - extname(path).length);
}
async function openDataSource(file, limits) {
  const fh = await openDataFile(file);
  const compression = compressionOf(file);
  if (compression === void 0)
    return {
      read: (buffer, offset, length, position) => fh.read(buffer, offset, length, position),
      estimatedSize: async () => (await fh.stat()).size,
      close: () => fh.close()
    };
  const { size } = await fh.stat();
  await fh.close();
  return new DecompressingSource(file, basename(file), compression, size, limits);
}

// src/data/loadOptions.ts
var DEFAULT_DECOMPRESSION_LIMITS = {
  maxBytes: 64 * 2 ** 30,
  maxRatio: 250,
  ratioAfterBytes: 2 ** 30
};
var MAX_FIELD_BYTES = 16 << 20;
var INFERENCE_ROWS = 1e4;
var SCAN_CHUNK_CELLS = 1 << 22;
function rowsPerChunk(chunkRows, chunkCells, columns) {
  return Math.max(1, Math.min(chunkRows, Math.floor(chunkCells / Math.max(1, columns))));
}
var EXTENSIONS = {
  ".csv": "csv",
  ".tsv": "csv",
  ".txt": "csv",
  ".jsonl": "jsonl",
  ".ndjson": "jsonl",
  ".parquet": "parquet"
};
function resolveLoadOptions(path, options = {}) {
  const ext = extname2(withoutCompression(path)).toLowerCase();
  const format = options.format ?? (Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : void 0);
  if (format === void 0)
    throw new ModelguardError(
      "usage",
      `${path}: cannot tell the data format from the extension '${ext}'`,
      "Name the file .csv, .tsv, .jsonl, .ndjson or .parquet (CSV and JSONL may end in .gz or .zst), or pass the format (csv, jsonl or parquet).",
      { file: path }
    );
  if (format !== "csv" && format !== "jsonl" && format !== "parquet")
    throw new ModelguardError("usage", `unknown data format '${String(format)}'`, "Use csv, jsonl or parquet.");
  if (format === "parquet" && compressionOf(path) !== void 0)
    throw new ModelguardError(
      "usage",
      `${path}: a Parquet file cannot be read through ${compressionOf(path)} compression`,
      "Parquet compresses inside the file (write it with compression='zstd' instead): pass the .parquet file itself.",
      { file: path }
    );
  const delimiter = options.delimiter ?? (ext === ".tsv" ? "	" : ",");
  const code = delimiter.charCodeAt(0);
  if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13)
    throw new ModelguardError(
      "usage",
      `the CSV delimiter must be one ASCII character other than a quote or a line break, got ${JSON.stringify(delimiter)}`,
      'Use e.g. ",", ";", "|" or "\\t".'
    );
  const types = options.types instanceof Map ? options.types : new Map(Object.entries(options.types ?? {}));
  types.forEach((type, name) => {
    if (!COLUMN_TYPES.includes(type))
      throw new ModelguardError(
        "usage",
        `unknown column type '${String(type)}' for column '${name}'`,
        `Use one of ${COLUMN_TYPES.join(", ")}.`,
        { column: name }
      );
  });
  const maxFieldBytes = options.maxFieldBytes ?? MAX_FIELD_BYTES;
  if (!Number.isInteger(maxFieldBytes) || maxFieldBytes < 1 || maxFieldBytes > 1 << 30)
    throw new ModelguardError(
      "usage",
      `maxFieldBytes must be a whole number of bytes from 1 to 1 GiB, got ${String(maxFieldBytes)}`,
      `Leave it out for the default of ${MAX_FIELD_BYTES >> 20} MiB.`
    );
  return {
    format,
    delimiter: code,
    na: new NaMatcher(options.naValues ?? DEFAULT_NA_VALUES),
    columns: options.columns ? new Set(options.columns) : void 0,
    types,
    maxFieldBytes,
    decompression: resolveDecompressionLimits(options.decompression)
  };
}
function resolveDecompressionLimits(given = {}) {
  const limits = { ...DEFAULT_DECOMPRESSION_LIMITS };
  for (const key of ["maxBytes", "maxRatio", "ratioAfterBytes"]) {
    const v = given[key];
    if (v === void 0) continue;
    if (!(typeof v === "number" && v >= 0 && Number.isFinite(v)))
      throw new ModelguardError("usage", `decompression.${key} must be a finite number >= 0, got ${String(v)}`);
    limits[key] = v;
  }
  return limits;
}

// src/data/smallTypedArray.ts
var SMALL_BYTES = 256;
var SLAB_BYTES = 64 * 1024;
var slab = new ArrayBuffer(SLAB_BYTES);
var used = 0;
function carve(bytes) {
  if (bytes > SMALL_BYTES) return -1;
  const size = bytes + 7 & ~7;
  if (used + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const at = used;
  used += size;
  return at;
}
function newFloat64Array(length) {
  const at = carve(length * 8);
  return at >= 0 ? new Float64Array(slab, at, length) : new Float64Array(length);
}
function newInt32Array(length) {
  const at = carve(length * 4);
  return at >= 0 ? new Int32Array(slab, at, length) : new Int32Array(length);
}
function newUint8Array(length) {
  const at = carve(length);
  return at >= 0 ? new Uint8Array(slab, at, length) : new Uint8Array(length);
}
function grownInt32Array(a, fill2 = 0) {
  const next = newInt32Array(a.length * 2);
  next.set(a);
  if (fill2 !== 0) next.fill(fill2, a.length);
  return next;
}

// src/data/utf8Text.ts
var lastBytes = null;
var lastView = null;
function utf8Text(bytes, start, end) {
  let view = lastBytes?.deref() === bytes ? lastView.deref() : void 0;
  if (view === void 0) {
    view = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    lastBytes = new WeakRef(bytes);
    lastView = new WeakRef(view);
  }
  return view.toString("utf8", start, end);
}

// src/data/inferColumnType.ts
var CELL_MISSING = 0;
var CELL_INTEGER = 1;
var CELL_BIG_INTEGER = 2;
var CELL_NUMBER = 3;
var CELL_BOOLEAN = 4;
var CELL_DATETIME = 5;
var CELL_TEXT = 6;
var CATEGORY_MAX_DISTINCT = 100;
function isCategoryCardinality(distinct, nonMissing) {
  return distinct > 0 && distinct <= CATEGORY_MAX_DISTINCT && distinct <= Math.max(20, 0.05 * nonMissing) && 2 * distinct <= nonMissing;
}
function isBlank(b) {
  return b === 32 || b === 9;
}
function trimStart(bytes, start, end) {
  while (start < end && isBlank(bytes[start])) start++;
  return start;
}
function trimEnd(bytes, start, end) {
  while (end > start && isBlank(bytes[end - 1])) end--;
  return end;
}
function parseIntegerBytes(bytes, start, end) {
  let p = start;
  let negative = false;
  if (p < end && (bytes[p] === 45 || bytes[p] === 43)) {
    negative = bytes[p] === 45;
    p++;
  }
  if (p >= end) return NaN;
  let v = 0;
  for (; p < end; p++) {
    const d = bytes[p] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return negative ? -v : v;
}
function parseBooleanBytes(bytes, start, end) {
  const n = end - start;
  if (n === 4) {
    if ((bytes[start] | 32) === 116 && (bytes[start + 1] | 32) === 114 && (bytes[start + 2] | 32) === 117 && (bytes[start + 3] | 32) === 101)
      return 1;
  } else if (n === 5) {
    if ((bytes[start] | 32) === 102 && (bytes[start + 1] | 32) === 97 && (bytes[start + 2] | 32) === 108 && (bytes[start + 3] | 32) === 115 && (bytes[start + 4] | 32) === 101)
      return 0;
  }
  return NaN;
}
function classifyCell(bytes, start, end, na) {
  if (start < 0 || na.matches(bytes, start, end)) return CELL_MISSING;
  const s = trimStart(bytes, start, end);
  const e = trimEnd(bytes, s, end);
  if (s === e) return CELL_TEXT;
  const int = parseIntegerBytes(bytes, s, e);
  if (int === int) return Number.isSafeInteger(int) ? CELL_INTEGER : CELL_BIG_INTEGER;
  const num = parseNumberBytes(bytes, s, e);
  if (num === num || isNanLiteralBytes(bytes, s, e)) return CELL_NUMBER;
  if (parseBooleanBytes(bytes, s, e) === parseBooleanBytes(bytes, s, e)) return CELL_BOOLEAN;
  if (parseDatetimeBytes(bytes, s, e) === parseDatetimeBytes(bytes, s, e)) return CELL_DATETIME;
  return CELL_TEXT;
}
var ColumnTypeInference = class {
  constructor(na) {
    this.na = na;
  }
  na;
  /** Cells per class, indexed by CellClass. */
  counts = newFloat64Array(7);
  distinct = /* @__PURE__ */ new Set();
  distinctOverflow = false;
  get nonMissing() {
    return this.counts[1] + this.counts[2] + this.counts[3] + this.counts[4] + this.counts[5] + this.counts[6];
  }
  add(bytes, start, end) {
    const cls = classifyCell(bytes, start, end, this.na);
    this.counts[cls]++;
    if (cls !== CELL_MISSING && !this.distinctOverflow) {
      this.distinct.add(utf8Text(bytes, start, end));
      if (this.distinct.size > CATEGORY_MAX_DISTINCT) {
        this.distinctOverflow = true;
        this.distinct.clear();
      }
    }
  }
  addText(text) {
    if (text === null || text === void 0) {
      this.counts[CELL_MISSING]++;
      return;
    }
    const bytes = Buffer.from(text, "utf8");
    this.add(bytes, 0, bytes.length);
  }
  get distinctCount() {
    return this.distinctOverflow ? CATEGORY_MAX_DISTINCT + 1 : this.distinct.size;
  }
  result() {
    return typeFromCounts(this.counts, this.distinctCount);
  }
};
function typeFromCounts(counts, distinct) {
  const integer = counts[CELL_INTEGER];
  const big = counts[CELL_BIG_INTEGER];
  const number = counts[CELL_NUMBER];
  const boolean = counts[CELL_BOOLEAN];
  const datetime = counts[CELL_DATETIME];
  const n = integer + big + number + boolean + datetime + counts[CELL_TEXT];
  if (n === 0) return "number";
  if (integer === n) return "integer";
  if (number > 0 && integer + big + number === n) return "number";
  if (boolean === n) return "boolean";
  if (datetime === n) return "datetime";
  return isCategoryCardinality(distinct, n) ? "category" : "string";
}

export {
  NaMatcher,
  decompress,
  Decompress,
  openDataFile,
  compressionOf,
  withoutCompression,
  openDataSource,
  MAX_FIELD_BYTES,
  INFERENCE_ROWS,
  SCAN_CHUNK_CELLS,
  rowsPerChunk,
  resolveLoadOptions,
  SMALL_BYTES,
  newFloat64Array,
  newInt32Array,
  newUint8Array,
  grownInt32Array,
  utf8Text,
  CELL_MISSING,
  CELL_INTEGER,
  CELL_NUMBER,
  CELL_BOOLEAN,
  CELL_DATETIME,
  CATEGORY_MAX_DISTINCT,
  isCategoryCardinality,
  trimStart,
  trimEnd,
  parseIntegerBytes,
  parseBooleanBytes,
  classifyCell,
  ColumnTypeInference,
  typeFromCounts
};
