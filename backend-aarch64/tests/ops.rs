//! The x86-64 backend's hand-written traces (every op, every kind of exit)
//! and a few AArch64-specific ones (offsets and frames beyond the immediate
//! forms), each run by the reference evaluator and as AArch64 code under
//! qemu, which must agree (and take the exit the test expects).

mod support;

use std::collections::HashSet;
use std::sync::Arc;

use backend_aarch64::{assemble, compile};
use support::{harness, prepare, Request};
use traces::ops::ALL_OPS;
use traces::testing::{Case, MEMORY_BASE, MEMORY_WORDS, STATE_STORES};
use traces::text::parse;

fn f(x: f64) -> u64 {
    x.to_bits()
}

/// Runs `text` on each input vector in one qemu batch; code and evaluator
/// must agree and take `exit`.
fn check(text: &str, runs: &[(&[u64], u32)]) {
    let trace = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    traces::verify::verify(&trace).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let Some(h) = harness() else { return };
    let mut prepared = Vec::new();
    let mut requests = Vec::new();
    for (inputs, _) in runs {
        let memory = (0..MEMORY_WORDS as u64).map(|k| k * 0x0101_0101_0101_0101 + 7).collect();
        let case = Case { trace: trace.clone(), inputs: inputs.to_vec(), memory };
        let (p, request) = prepare(h, &case)
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
            .unwrap_or_else(|| panic!("loop did not exit\n{text}"));
        requests.push(request);
        prepared.push(p);
    }
    let responses = h.run(&requests).unwrap_or_else(|(_, e)| panic!("{e}\n{text}"));
    for ((p, got), (inputs, exit)) in prepared.iter().zip(&responses).zip(runs) {
        if let Err(e) = p.check(got) {
            panic!("{e} for inputs {inputs:x?}\n{text}");
        }
        assert_eq!(got.exit, *exit, "inputs {inputs:x?}\n{text}");
    }
}

const INT_ARITH: &str = "
%0:int = input 0
%1:int = input 1
%2:int = kint 3
%3:int = kint 5000000000
%4:int = add %0, %1
%5:int = sub %0, %1
%6:int = mul %0, %1
%7:int = neg %0
%8:int = and %0, %1
%9:int = or %0, %1
%10:int = xor %0, %1
%11:int = shl %0, %1
%12:int = sar %0, %1
%13:int = shr %0, %1
%14:int = shl %0, %2
%15:int = sar %0, %2
%16:int = shr %0, %2
%17:int = add %0, %2
%18:int = mul %0, %2
%19:int = sub %0, %3
%20:int = and %0, %3
snap 0: frame pc=1 base=0 [0=%4 1=%5 2=%6 3=%7 4=%8 5=%9 6=%10 7=%11 8=%12 9=%13 10=%14 11=%15 12=%16 13=%17 14=%18 15=%19 16=%20]
%21 = exit snap=0
";

#[test]
fn int_arithmetic() {
    let min = i64::MIN as u64;
    check(
        INT_ARITH,
        &[
            (&[5, 3], 0),
            (&[-7i64 as u64, 65], 0),
            (&[min, -1i64 as u64], 0),
            (&[i64::MAX as u64, 1], 0),
        ],
    );
}

const OVERFLOW: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
snap 0: frame pc=1 base=0 [0=%0 1=%1 2=%2]
%3:int = addov %0, %1 snap=0  # exit 0
snap 1: frame pc=2 base=0 [0=%3 1=%2]
%4:int = subov %3, %2 snap=1  # exit 1
%5:int = kint 1000
%6:int = mulov %4, %5 snap=1  # exit 2
snap 2: frame pc=3 base=0 [0=%6 1=%4 2=%3]
%7 = exit snap=2  # exit 3
";

#[test]
fn overflow_guards_take_their_exits() {
    let max = i64::MAX as u64;
    let min = i64::MIN as u64;
    check(
        OVERFLOW,
        &[
            (&[max, 1, 0], 0),
            (&[-5i64 as u64, 2, max], 1),
            (&[max / 1500, max / 1500, 0], 2),
            (&[20, 22, 2], 3),
            (&[min, -1i64 as u64, 0], 0),
            (&[(i64::MIN / 1000) as u64, 0, 0], 3),
            (&[(i64::MIN / 1000) as u64, 0, 1], 2),
            (&[-1i64 as u64, 0, max], 2),
        ],
    );
}

const COMPARES: &str = "
%0:int = input 0
%1:int = input 1
%2:int = kint 7
%3:bool = lt %0, %1
%4:bool = le %0, %1
%5:bool = gt %0, %1
%6:bool = ge %0, %1
%7:bool = ult %0, %1
%8:bool = ule %0, %1
%9:bool = ugt %0, %1
%10:bool = uge %0, %1
%11:bool = eq %0, %1
%12:bool = ne %0, %1
%13:bool = lt %0, %2
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13]
%14:bool = ge %0, %2
%15 = guard.false %14 snap=0  # exit 0
%16:bool = ult %1, %0
%17 = guard.true %16 snap=0  # exit 1
%18 = exit snap=0  # exit 2
";

#[test]
fn int_compares_materialized_and_fused() {
    check(
        COMPARES,
        &[
            (&[3, 5], 1),
            (&[9, 2], 0),
            (&[-1i64 as u64, 2], 2),
            (&[4, -1i64 as u64], 1),
            (&[2, 2], 1),
        ],
    );
}

const FLOATS: &str = "
%0:float = input 0
%1:float = input 1
%2:float = kflt 0.25
%3:float = fadd %0, %1
%4:float = fsub %0, %1
%5:float = fmul %0, %1
%6:float = fdiv %0, %1
%7:float = fneg %0
%8:float = fabs %0
%9:float = fsqrt %0
%10:float = fmul %0, %2
%11:bool = flt %0, %1
%12:bool = fle %0, %1
%13:bool = fgt %0, %1
%14:bool = fge %0, %1
%15:bool = feq %0, %1
%16:bool = fne %0, %1
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13 11=%14 12=%15 13=%16]
%17:bool = feq %0, %1
%18 = guard.false %17 snap=0  # exit 0
%19:bool = fne %0, %2
%20 = guard.true %19 snap=0  # exit 1
%21:bool = flt %1, %0
%22 = guard.false %21 snap=0  # exit 2
%23:bool = fge %0, %0
%24 = guard.true %23 snap=0  # exit 3
%25 = exit snap=0  # exit 4
";

#[test]
fn float_ops_and_compares_with_nan() {
    let nan = f(f64::NAN);
    check(
        FLOATS,
        &[
            (&[f(2.0), f(2.0)], 0),
            (&[f(0.25), f(1.0)], 1),
            (&[f(3.0), f(1.0)], 2),
            (&[f(-1.0), f(1.0)], 4),
            (&[nan, f(1.0)], 3),
            (&[f(1.0), nan], 4),
            (&[f(-0.0), f(f64::INFINITY)], 4),
        ],
    );
}

const CONVERSIONS: &str = "
%0:int = input 0
%1:float = input 1
%2:bool = input 2
%3:float = i2f %0
%4:int = f2i %1
%5:word = cast %0
%6:ref = cast %5
%7:int = cast %6
%8:int = cast %2
%9:word = f2w %1
%10:float = w2f %9
%11:float = w2f %0
%12:word = kword 0x7ff8000000000001
%13:ref = kref 0x1000
%14:bool = kbool 1
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13 11=%14 12=%1]
%15:int = f2i.exact %1 snap=0  # exit 0
snap 1: frame pc=2 base=0 [0=%15 1=%3]
%16 = exit snap=1  # exit 1
";

#[test]
fn conversions_and_casts() {
    let two_63 = 9_223_372_036_854_775_808.0;
    check(
        CONVERSIONS,
        &[
            (&[7, f(2.5), 1], 0),
            (&[-3i64 as u64, f(-42.0), 0], 1),
            (&[i64::MIN as u64, f(f64::NAN), 1], 0),
            (&[1, f(1e300), 0], 0),
            (&[1, f(-1e300), 0], 0),
            (&[1, f(f64::INFINITY), 0], 0),
            (&[1, f(two_63), 0], 0),
            (&[1, f(i64::MIN as f64), 0], 1),
            (&[1, f(-0.0), 0], 1),
            (&[1, f(0.75), 0], 0),
        ],
    );
}

const MEMORY: &str = "
%0:word = input 0
%1:int = input 1
%2:int = ld.i64 [%0 + 8]
%3:float = ld.f64 [%0 + %1*8 + 16]
%4:word = ld.word [%0 + %1*4 + 24]
%5:ref = ld.ref [%0 + 32]
%6:int = ld.u8 [%0 + %1*1 + 41]
%7:int = ld.u32 [%0 + %1*2 + 50]
%8:int = kint -1
%9 = st.i64 [%0 + 64], %2
%10 = st.f64 [%0 + %1*8 + 72], %3
%11 = st.word [%0 + 96], %5
%12 = st.u8 [%0 + %1*1 + 104], %8
%13 = st.u32 [%0 + %1*4 + 112], %8
%14:word = kword 0x123456789
%15 = st.word [%0 + 120], %14
%16:word = cast %1
%17:int = ld.i64 [%0 + 72]
snap 0: frame pc=1 base=0 [0=%2 1=%3 2=%4 3=%5 4=%6 5=%7 6=%17]
%18 = exit snap=0
";

#[test]
fn loads_and_stores() {
    check(MEMORY, &[(&[MEMORY_BASE, 0], 0), (&[MEMORY_BASE, 1], 0), (&[MEMORY_BASE, 3], 0)]);
}

/// Constants in every immediate form (12-bit, negated, bitmask, shifts)
/// and none, for each op that takes an immediate.
const IMMEDIATES: &str = "
%0:int = input 0
%1:int = input 1
%2:int = kint 0
%3:int = add %0, %2
%4:int = sub %0, %2
%5:int = and %0, %2
%6:int = or %0, %2
%7:int = xor %0, %2
%8:int = shl %0, %2
%9:int = sar %0, %2
%10:int = shr %0, %2
%11:int = mul %0, %2
%12:bool = lt %0, %2
%13:bool = ult %0, %2
%14:bool = eq %0, %2
%15:int = kint 1
%16:int = add %0, %15
%17:int = sub %0, %15
%18:int = and %0, %15
%19:int = or %0, %15
%20:int = xor %0, %15
%21:int = shl %0, %15
%22:int = sar %0, %15
%23:int = shr %0, %15
%24:int = mul %0, %15
%25:bool = lt %0, %15
%26:bool = ult %0, %15
%27:bool = eq %0, %15
%28:int = kint -1
%29:int = add %0, %28
%30:int = sub %0, %28
%31:int = and %0, %28
%32:int = or %0, %28
%33:int = xor %0, %28
%34:int = shl %0, %28
%35:int = sar %0, %28
%36:int = shr %0, %28
%37:int = mul %0, %28
%38:bool = lt %0, %28
%39:bool = ult %0, %28
%40:bool = eq %0, %28
%41:int = kint 4095
%42:int = add %0, %41
%43:int = sub %0, %41
%44:int = and %0, %41
%45:int = or %0, %41
%46:int = xor %0, %41
%47:int = shl %0, %41
%48:int = sar %0, %41
%49:int = shr %0, %41
%50:int = mul %0, %41
%51:bool = lt %0, %41
%52:bool = ult %0, %41
%53:bool = eq %0, %41
%54:int = kint -4095
%55:int = add %0, %54
%56:int = sub %0, %54
%57:int = and %0, %54
%58:int = or %0, %54
%59:int = xor %0, %54
%60:int = shl %0, %54
%61:int = sar %0, %54
%62:int = shr %0, %54
%63:int = mul %0, %54
%64:bool = lt %0, %54
%65:bool = ult %0, %54
%66:bool = eq %0, %54
%67:int = kint 4096
%68:int = add %0, %67
%69:int = sub %0, %67
%70:int = and %0, %67
%71:int = or %0, %67
%72:int = xor %0, %67
%73:int = shl %0, %67
%74:int = sar %0, %67
%75:int = shr %0, %67
%76:int = mul %0, %67
%77:bool = lt %0, %67
%78:bool = ult %0, %67
%79:bool = eq %0, %67
%80:int = kint -4096
%81:int = add %0, %80
%82:int = sub %0, %80
%83:int = and %0, %80
%84:int = or %0, %80
%85:int = xor %0, %80
%86:int = shl %0, %80
%87:int = sar %0, %80
%88:int = shr %0, %80
%89:int = mul %0, %80
%90:bool = lt %0, %80
%91:bool = ult %0, %80
%92:bool = eq %0, %80
%93:int = kint 4095
%94:int = add %0, %93
%95:int = sub %0, %93
%96:int = and %0, %93
%97:int = or %0, %93
%98:int = xor %0, %93
%99:int = shl %0, %93
%100:int = sar %0, %93
%101:int = shr %0, %93
%102:int = mul %0, %93
%103:bool = lt %0, %93
%104:bool = ult %0, %93
%105:bool = eq %0, %93
%106:int = kint -71777214294589696
%107:int = add %0, %106
%108:int = sub %0, %106
%109:int = and %0, %106
%110:int = or %0, %106
%111:int = xor %0, %106
%112:int = shl %0, %106
%113:int = sar %0, %106
%114:int = shr %0, %106
%115:int = mul %0, %106
%116:bool = lt %0, %106
%117:bool = ult %0, %106
%118:bool = eq %0, %106
%119:int = kint 6148914691236517205
%120:int = add %0, %119
%121:int = sub %0, %119
%122:int = and %0, %119
%123:int = or %0, %119
%124:int = xor %0, %119
%125:int = shl %0, %119
%126:int = sar %0, %119
%127:int = shr %0, %119
%128:int = mul %0, %119
%129:bool = lt %0, %119
%130:bool = ult %0, %119
%131:bool = eq %0, %119
%132:int = kint -9223372036854775808
%133:int = add %0, %132
%134:int = sub %0, %132
%135:int = and %0, %132
%136:int = or %0, %132
%137:int = xor %0, %132
%138:int = shl %0, %132
%139:int = sar %0, %132
%140:int = shr %0, %132
%141:int = mul %0, %132
%142:bool = lt %0, %132
%143:bool = ult %0, %132
%144:bool = eq %0, %132
%145:int = kint 1311768467463790320
%146:int = add %0, %145
%147:int = sub %0, %145
%148:int = and %0, %145
%149:int = or %0, %145
%150:int = xor %0, %145
%151:int = shl %0, %145
%152:int = sar %0, %145
%153:int = shr %0, %145
%154:int = mul %0, %145
%155:bool = lt %0, %145
%156:bool = ult %0, %145
%157:bool = eq %0, %145
%158:int = kint -65536
%159:int = add %0, %158
%160:int = sub %0, %158
%161:int = and %0, %158
%162:int = or %0, %158
%163:int = xor %0, %158
%164:int = shl %0, %158
%165:int = sar %0, %158
%166:int = shr %0, %158
%167:int = mul %0, %158
%168:bool = lt %0, %158
%169:bool = ult %0, %158
%170:bool = eq %0, %158
%171:int = kint 4294901760
%172:int = add %0, %171
%173:int = sub %0, %171
%174:int = and %0, %171
%175:int = or %0, %171
%176:int = xor %0, %171
%177:int = shl %0, %171
%178:int = sar %0, %171
%179:int = shr %0, %171
%180:int = mul %0, %171
%181:bool = lt %0, %171
%182:bool = ult %0, %171
%183:bool = eq %0, %171
%184:int = kint 63
%185:int = add %0, %184
%186:int = sub %0, %184
%187:int = and %0, %184
%188:int = or %0, %184
%189:int = xor %0, %184
%190:int = shl %0, %184
%191:int = sar %0, %184
%192:int = shr %0, %184
%193:int = mul %0, %184
%194:bool = lt %0, %184
%195:bool = ult %0, %184
%196:bool = eq %0, %184
%197:int = kint 64
%198:int = add %0, %197
%199:int = sub %0, %197
%200:int = and %0, %197
%201:int = or %0, %197
%202:int = xor %0, %197
%203:int = shl %0, %197
%204:int = sar %0, %197
%205:int = shr %0, %197
%206:int = mul %0, %197
%207:bool = lt %0, %197
%208:bool = ult %0, %197
%209:bool = eq %0, %197
%210:int = kint -65
%211:int = add %0, %210
%212:int = sub %0, %210
%213:int = and %0, %210
%214:int = or %0, %210
%215:int = xor %0, %210
%216:int = shl %0, %210
%217:int = sar %0, %210
%218:int = shr %0, %210
%219:int = mul %0, %210
%220:bool = lt %0, %210
%221:bool = ult %0, %210
%222:bool = eq %0, %210
snap 0: frame pc=1 base=0 [0=%3 1=%4 2=%5 3=%6 4=%7 5=%8 6=%9 7=%10 8=%11 9=%12 10=%13 11=%14 12=%16 13=%17 14=%18 15=%19 16=%20 17=%21 18=%22 19=%23 20=%24 21=%25 22=%26 23=%27 24=%29 25=%30 26=%31 27=%32 28=%33 29=%34 30=%35 31=%36 32=%37 33=%38 34=%39 35=%40 36=%42 37=%43 38=%44 39=%45 40=%46 41=%47 42=%48 43=%49 44=%50 45=%51 46=%52 47=%53 48=%55 49=%56 50=%57 51=%58 52=%59 53=%60 54=%61 55=%62 56=%63 57=%64 58=%65 59=%66 60=%68 61=%69 62=%70 63=%71 64=%72 65=%73 66=%74 67=%75 68=%76 69=%77 70=%78 71=%79 72=%81 73=%82 74=%83 75=%84 76=%85 77=%86 78=%87 79=%88 80=%89 81=%90 82=%91 83=%92 84=%94 85=%95 86=%96 87=%97 88=%98 89=%99 90=%100 91=%101 92=%102 93=%103 94=%104 95=%105 96=%107 97=%108 98=%109 99=%110 100=%111 101=%112 102=%113 103=%114 104=%115 105=%116 106=%117 107=%118 108=%120 109=%121 110=%122 111=%123 112=%124 113=%125 114=%126 115=%127 116=%128 117=%129 118=%130 119=%131 120=%133 121=%134 122=%135 123=%136 124=%137 125=%138 126=%139 127=%140 128=%141 129=%142 130=%143 131=%144 132=%146 133=%147 134=%148 135=%149 136=%150 137=%151 138=%152 139=%153 140=%154 141=%155 142=%156 143=%157 144=%159 145=%160 146=%161 147=%162 148=%163 149=%164 150=%165 151=%166 152=%167 153=%168 154=%169 155=%170 156=%172 157=%173 158=%174 159=%175 160=%176 161=%177 162=%178 163=%179 164=%180 165=%181 166=%182 167=%183 168=%185 169=%186 170=%187 171=%188 172=%189 173=%190 174=%191 175=%192 176=%193 177=%194 178=%195 179=%196 180=%198 181=%199 182=%200 183=%201 184=%202 185=%203 186=%204 187=%205 188=%206 189=%207 190=%208 191=%209 192=%211 193=%212 194=%213 195=%214 196=%215 197=%216 198=%217 199=%218 200=%219 201=%220 202=%221 203=%222]
%223 = guard.ne %1, 0x8000000000000000 snap=0  # exit 0
%224:int = kint -7
%225:int = addov %0, %224 snap=0  # exit 1
%226:int = subov %225, %224 snap=0  # exit 2
%227 = guard.eq %1, 0xfffffffffffff001 snap=0  # exit 3
%228 = exit snap=0  # exit 4
";

#[test]
fn constants_in_every_immediate_form() {
    let min = i64::MIN as u64;
    check(
        IMMEDIATES,
        &[
            (&[5, 1], 3),
            (&[-4095i64 as u64, -4095i64 as u64], 4),
            (&[0x5555_5555_5555_5555, min], 0),
            (&[min + 3, 2], 1),
            (&[i64::MAX as u64 - 3, 2], 3),
        ],
    );
}

/// Offsets no immediate form reaches (a base far below the memory),
/// negative and unaligned ones.
const FAR_OFFSETS: &str = "
%0:word = input 0
%1:int = input 1
%2:int = cast %0
%3:int = kint 1000000
%4:int = sub %2, %3
%5:word = cast %4
%6:int = ld.i64 [%5 + 1000008]
%7:float = ld.f64 [%5 + %1*8 + 1000016]
%8:int = ld.u8 [%5 + 1000003]
%9:int = ld.u32 [%5 + %1*4 + 1000004]
%10 = st.i64 [%5 + 1000040], %6
%11 = st.f64 [%5 + %1*8 + 1000048], %7
%12 = st.u8 [%5 + 1000065], %8
%13 = st.u32 [%5 + %1*4 + 1000068], %9
%14:int = kint 16
%15:int = add %2, %14
%16:word = cast %15
%17:int = ld.i64 [%16 - 16]
%18:int = ld.i64 [%16 - 13]
%19:int = ld.u32 [%16 + 3]
%20 = st.i64 [%16 - 8], %18
%21 = st.i64 [%16 + 81], %17
%22 = st.u32 [%16 + 4093], %8
snap 0: frame pc=1 base=0 [0=%6 1=%7 2=%8 3=%9 4=%17 5=%18 6=%19]
%23 = exit snap=0
";

#[test]
fn offsets_beyond_the_immediate_forms() {
    // The last store lands outside the 512-byte memory: keep it inside.
    let text = FAR_OFFSETS.replace("+ 4093]", "+ 397]");
    check(&text, &[(&[MEMORY_BASE, 0], 0), (&[MEMORY_BASE, 2], 0)]);
}

/// A snapshot of thousands of values: spill slots and state words beyond
/// the reach of the scaled immediate offsets.
fn many_live_values(n: usize) -> String {
    let mut text = String::from("%0:int = input 0\n%1:int = input 4500\n");
    for k in 2..n {
        text += &format!("%{k}:int = add %{}, %1\n", k - 1);
    }
    let entries: Vec<String> = (0..n).map(|k| format!("{k}=%{k}")).collect();
    text += &format!("snap 0: frame pc=0 base=0 [{}]\n%{n} = exit snap=0\n", entries.join(" "));
    text
}

#[test]
fn far_spill_slots_and_state_words() {
    let text = many_live_values(4400);
    let trace = parse(&text).unwrap();
    let alloc = traces::regalloc::allocate(&trace, &backend_aarch64::regs::reg_file());
    assert!(alloc.slots > 4096, "{} slots", alloc.slots);
    let mut inputs = vec![0u64; 4501];
    inputs[0] = 5;
    inputs[4500] = 3;
    check(&text, &[(&inputs, 0)]);
}

const GUARDS: &str = "
%0:word = input 0
%1:bool = input 1
%2:int = input 2
snap 0: frame pc=1 base=0 [0=%0 1=%2] virtual v0 kind=3 [8=%2 16=%0]
%3 = guard.true %1 snap=0  # exit 0
%4 = guard.eq %0, 0x7ff9000000000005 snap=0  # exit 1
%5 = guard.ne %2, 0x5 snap=0  # exit 2
%6 = guard.eq %2, 0x6 snap=0  # exit 3
%7:bool = eq %0, %0
%8 = guard.false %1 snap=0  # exit 4
%9 = exit snap=0  # exit 5
";

#[test]
fn guards_on_bools_and_constants() {
    let w = 0x7ff9000000000005u64;
    check(
        GUARDS,
        &[(&[w, 0, 6], 0), (&[w + 1, 1, 6], 1), (&[w, 1, 5], 2), (&[w, 1, 7], 3), (&[w, 1, 6], 4)],
    );
}

const CALLS: &str = "
helper imix(int, int) -> int @0x0
helper fmix(float, int) -> float @0x0
helper sum6(int, int, int, int, int, int) -> int @0x0
helper mixed(int, float, int, float) -> float @0x0
helper isneg(int) -> bool @0x0
helper touch(int) -> void @0x0
%0:int = input 0
%1:int = input 1
%2:float = input 2
%3:int = add %0, %1
%4:int = sub %0, %1
%5:int = mul %0, %1
%6:float = fadd %2, %2
%7:int = kint 11
%8:int = call @imix(%0, %1)
%9:float = call @fmix(%2, %3)
%10:int = call @sum6(%3, %4, %5, %8, %7, %0)
%11:float = call @mixed(%5, %6, %4, %9)
%12 = call @touch(%10)
%13:bool = call @isneg(%10)
snap 0: frame pc=1 base=0 [0=%0 1=%1 2=%2 3=%3 4=%4 5=%5 6=%6 7=%8 8=%9 9=%10 10=%11 11=%13]
%14 = guard.false %13 snap=0  # exit 0
%15 = exit snap=0  # exit 1
";

#[test]
fn helper_calls_keep_live_values() {
    check(CALLS, &[(&[5, 3, f(1.5)], 1), (&[-50i64 as u64, 3, f(-0.5)], 0)]);
}

const LOOP: &str = "
%0:int = input 0
%1:float = input 1
%2:int = input 2
%3:int = kint 0
%4:int = kint 1
%5:float = kflt 0.5
%6 = loop
%7:int = phi %3
%8:int = phi %0
%9:int = phi %2
%10:float = phi %1
%11:int = add %7, %4
%12:float = fmul %10, %5
%13:int = addov %8, %9 snap=0  # exit 0
%14:bool = lt %11, %2
snap 0: frame pc=4 base=0 [0=%7 1=%8 2=%9 3=%10]
%15 = guard.true %14 snap=0  # exit 1
%16 = jump %11, %9, %13, %12
";

#[test]
fn loop_with_swapping_phis() {
    check(
        LOOP,
        &[
            (&[1, f(8.0), 5], 1),
            (&[0, f(1.0), 100], 0),
            (&[3, f(-2.0), 1], 1),
            (&[-4i64 as u64, f(3.0), 2], 1),
        ],
    );
}

/// The loop shape with every phi a loop-invariant or another phi.
const PHI_CYCLE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 1
%4 = loop
%5:int = phi %0
%6:int = phi %1
%7:int = phi %2
%8:int = sub %7, %3
%9:bool = gt %8, %3
snap 0: frame pc=4 base=0 [0=%5 1=%6 2=%8]
%10 = guard.true %9 snap=0  # exit 0
%11 = jump %6, %5, %8
";

#[test]
fn phi_cycles_are_broken() {
    check(PHI_CYCLE, &[(&[10, 20, 5], 0), (&[10, 20, 6], 0), (&[1, 2, 0], 0)]);
}

#[test]
fn state_stores_compile_and_run() {
    check(STATE_STORES, &[(&[5], 0), (&[u64::MAX], 0)]);
}

#[test]
fn every_op_is_covered() {
    let texts = [
        INT_ARITH,
        OVERFLOW,
        COMPARES,
        FLOATS,
        CONVERSIONS,
        MEMORY,
        GUARDS,
        CALLS,
        LOOP,
        PHI_CYCLE,
        STATE_STORES,
    ];
    let mut seen = HashSet::new();
    for text in texts {
        for inst in parse(text).unwrap().insts {
            seen.insert(inst.op);
        }
    }
    let missing: Vec<&str> =
        ALL_OPS.iter().filter(|op| !seen.contains(op)).map(|op| op.name()).collect();
    assert!(missing.is_empty(), "ops without a hand-written test: {missing:?}");
}

const PARENT: &str = "
%0:int = input 0
%1:int = kint 1
%2 = loop
%3:int = phi %1
%4:int = add %3, %3
%5:bool = lt %4, %0
snap 0: frame pc=4 base=0 [0=%4 1=%0]
%6 = guard.true %5 snap=0  # exit 0
%7 = jump %4
";
const SIDE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = sub %0, %1
snap 0: frame pc=9 base=0 [0=%2]
%3 = guard.ne %2, 0x0 snap=0  # exit 0
snap 1: frame pc=10 base=0 [0=%2 1=%0]
%4 = exit snap=1  # exit 1
";

#[test]
fn exits_link_to_side_traces_and_back() {
    let parent = compile(&parse(PARENT).unwrap()).unwrap();
    let side = Arc::new(compile(&parse(SIDE).unwrap()).unwrap());
    assert_eq!(parent.code().len(), parent.code_size());
    assert_eq!(parent.exit_count(), 1);
    let returns = parent.exit_target(0).unwrap();
    parent.link_exit(0, side.clone()).unwrap();
    assert_eq!(parent.exit_target(0), Some(side.entry_addr()));
    parent.unlink_exit(0).unwrap();
    assert_eq!(parent.exit_target(0), Some(returns));
    assert!(parent.link_exit(5, side).is_err());
    // The code reads the table through the literal the loader wrote.
    let assembly = assemble(&parse(PARENT).unwrap()).unwrap();
    let lit = assembly.table_literal;
    assert_eq!(assembly.code[lit..lit + 8], [0; 8]);
    assert_ne!(parent.code()[lit..lit + 8], [0; 8]);
    // stp x29, x30, [sp, -160]!
    assert_eq!(parent.code()[..4], 0xa9b67bfdu32.to_le_bytes());

    // Run under qemu: alone, then with exit 0 linked to the side trace.
    let Some(h) = harness() else { return };
    let (parent, side) =
        (assemble(&parse(PARENT).unwrap()).unwrap(), assemble(&parse(SIDE).unwrap()).unwrap());
    let alone = Request::single(parent.clone(), vec![100, 0], vec![0; MEMORY_WORDS]);
    let linked = Request {
        traces: vec![parent, side],
        links: vec![(0, 0, 1)],
        state: vec![100, 0],
        memory: vec![0; MEMORY_WORDS],
    };
    let got = h.run(&[alone, linked]).unwrap_or_else(|(_, e)| panic!("{e}"));
    assert_eq!((got[0].exit, &got[0].state[..2]), (0, &[128, 100][..]));
    assert_eq!((got[1].exit, &got[1].state[..2]), (1, &[28, 128][..]), "the side trace's exit");
}

/// A root loop whose odd iterations leave through exit 0.
const ROOT: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 1
%4 = loop
%5:int = phi %0
%6:int = phi %2
%7:int = and %5, %3
snap 0: frame pc=1 base=0 [0=%5 1=%1 2=%6]
%8 = guard.eq %7, 0x0 snap=0  # exit 0
%9:int = add %6, %5
%10:int = add %5, %3
%11:bool = lt %10, %1
snap 1: frame pc=9 base=0 [0=%10 1=%1 2=%9]
%12 = guard.true %11 snap=1  # exit 1
%13 = jump %10, %9
";
/// The side trace of the root's exit 0: handles one odd i, then goes back
/// to the root through its exit 1 (linked to the root's entry).
const ODD_SIDE: &str = "
%0:int = input 0
%1:int = input 1
%2:int = input 2
%3:int = kint 3
%4:int = kint 1
%5:int = mul %0, %3
%6:int = add %2, %5
%7:int = add %0, %4
%8:bool = lt %7, %1
snap 0: frame pc=9 base=0 [0=%7 1=%1 2=%6]
%9 = guard.true %8 snap=0  # exit 0
%10 = exit snap=0  # exit 1
";

#[test]
fn side_trace_rejoins_its_root_through_a_linked_exit() {
    let Some(h) = harness() else { return };
    let root = assemble(&parse(ROOT).unwrap()).unwrap();
    let side = assemble(&parse(ODD_SIDE).unwrap()).unwrap();
    let (start, n) = (3u64, 100_000u64);
    let request = Request {
        traces: vec![root, side],
        links: vec![(0, 0, 1), (1, 1, 0)],
        state: vec![start, n, 0],
        memory: vec![0; MEMORY_WORDS],
    };
    let got = h.run(&[request]).unwrap_or_else(|(_, e)| panic!("{e}")).remove(0);
    let want: u64 = (start..n).map(|i| if i % 2 == 0 { i } else { 3 * i }).sum();
    assert_eq!(got.state, [n, n, want]);
    // Whichever trace saw i reach n returned its own loop-end exit.
    assert!(got.exit == 1 || got.exit == 0, "{}", got.exit);
}

/// A call of a collecting helper with refs live across it, dead at it and
/// constant. The harness's probe(area) copies the root area into the test
/// memory; AREA is the root area's index.
const PROBE_CALL: &str = "
helper probe(int) -> void collect @0x0
%0:ref = input 0
%1:ref = input 1
%2:ref = input 2
%3:ref = kref 0x1234
%4:int = kint AREA
%5:word = input 3
%6 = call @probe(%4)
%7:word = cast %0
snap 0: frame pc=1 base=0 [0=%1 1=%7 2=%3 3=%5]
%8 = exit snap=0
";

#[test]
fn collecting_calls_publish_live_refs() {
    let area = traces::regalloc::gc_root_area(&parse(&PROBE_CALL.replace("AREA", "0")).unwrap());
    let text = PROBE_CALL.replace("AREA", &area.to_string());
    let mut trace = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(traces::regalloc::gc_root_area(&trace), area);
    let Some(h) = harness() else { return };
    h.bind_helpers(&mut trace);
    let assembly = assemble(&trace).unwrap();
    assert_eq!(assembly.state_words, area + traces::regalloc::GC_ROOT_HEADER + 3);
    assert_eq!(assembly.gc_root_area, Some(area));
    let mut state = vec![0u64; assembly.state_words];
    state[..4].copy_from_slice(&[0x1000, 0x2000, 0x3000, 0x4000]);
    // Left over from an earlier trace: the entry clears it.
    state[area] = 77;
    let request = Request::single(assembly, state, vec![0; MEMORY_WORDS]);
    let got = h.run(&[request]).unwrap_or_else(|(_, e)| panic!("{e}")).remove(0);
    assert_eq!(got.exit, 0);
    // %2 is dead at the call and %3 a constant: the refs %0 and %1 come
    // first, then the word %5.
    let marker = traces::regalloc::read_gc_root_marker(got.memory[0]);
    assert_eq!(marker, Some((3, 2)), "three roots, two of them refs");
    let mut refs = got.memory[1..3].to_vec();
    refs.sort();
    assert_eq!(refs, [0x1000, 0x2000]);
    assert_eq!(got.memory[3], 0x4000);
    assert_eq!(got.state[area], 0, "the marker is cleared after the call");
    // The record leaves out the constant %3.
    assert_eq!(got.state[..3], [0x2000, 0x1000, 0x4000]);
}

#[test]
fn invalid_traces_are_errors_not_panics() {
    let bad = [
        "%0:int = input 0\n%1:float = fadd %0, %0\n%2 = exit snap=0\nsnap 0: frame pc=0 base=0 []\n",
        "%0:int = input 0\n",
    ];
    for text in bad {
        let err = assemble(&parse(text).unwrap()).expect_err(text);
        assert!(err.to_string().contains("invalid trace"), "{err}");
    }
    // More arguments than the IR allows (six gprs, as System V passes).
    let seven = "helper h(int, int, int, int, int, int, int) -> int @0x0\n%0:int = input 0\n%1:int = call @h(%0, %0, %0, %0, %0, %0, %0)\n%2 = exit snap=0\nsnap 0: frame pc=0 base=0 []\n";
    let err = assemble(&parse(seven).unwrap()).expect_err(seven);
    assert!(err.to_string().contains("invalid trace"), "{err}");
}

/// Found by the random test: the int phi %16 dies early and its slot is
/// reused by the float %22, which the back edge moves into the float phi
/// %17 while the int phi's slot receives %24. Spill slots are shared by both
/// register classes, so the back edge must order the moves of both classes
/// together.
const SLOT_SHARED_ACROSS_CLASSES: &str = "
helper imix(int, int) -> int @0x0
helper fmix(float, int) -> float @0x0
helper sum6(int, int, int, int, int, int) -> int @0x0
%0:ref = input 0
%1:int = input 1
%2:int = input 2
%3:int = input 3
%4:int = input 4
%5:float = input 5
%6:bool = input 6
%7:int = kint 4095
%8:int = and %1, %7
%9:int = and %3, %7
snap 0: frame pc=0 base=0 []
%10:int = mulov %8, %9 snap=0  # exit 0
%11:int = kint 0
%12:int = kint 1
%13:int = kint 3
%14 = loop
%15:int = phi %11
%16:int = phi %1
%17:float = phi %5
%18:bool = phi %6
%19:int = call @imix(%10, %15)
%20:int = call @sum6(%2, %15, %19, %1, %10, %4)
%21:int = call @sum6(%16, %16, %19, %4, %19, %19)
%22:float = call @fmix(%17, %10)
%23:float = call @fmix(%17, %10)
%24:int = add %10, %20
%25:int = add %15, %12
%26:bool = lt %25, %13
snap 1: frame pc=3 base=0 [0=%17 1=%17 2=%23 3=%18 4=%1] frame pc=13 base=8 [0=%4]
%27 = guard.true %26 snap=1  # exit 1
%28 = jump %25, %24, %22, %6
";

#[test]
fn back_edge_orders_moves_of_both_classes_together() {
    check(SLOT_SHARED_ACROSS_CLASSES, &[(&[0, 5, 7, 11, 13, f(1.5), 1], 1)]);
}
