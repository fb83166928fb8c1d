//! The special functions of `math`: `gamma` and `lgamma` as CPython 3.8
//! computes them (`Modules/mathmodule.c`: Lanczos' approximation with
//! N=13, g=6.0247 and its error correction), and `erf`/`erfc` as the C
//! library CPython calls computes them (fdlibm's rational approximations,
//! which glibc uses), so results agree to the bit.

// The coefficients keep the digits of their published decimal forms (the
// compiler rounds them to the same doubles CPython and glibc use).
#![allow(clippy::excessive_precision)]

/// Why a special function has no float result.
#[derive(Debug, PartialEq)]
pub enum SpecialError {
    /// ValueError("math domain error").
    Domain,
    /// OverflowError("math range error").
    Range,
}

const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
const LANCZOS_NUM: [f64; 13] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
/// The denominator x*(x+1)*...*(x+11) as a polynomial.
const LANCZOS_DEN: [f64; 13] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];

/// Lanczos' sum for positive `x`, as a rational function (in 1/x for
/// large x, which avoids overflow).
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..13).rev() {
            num = num * x + LANCZOS_NUM[i];
            den = den * x + LANCZOS_DEN[i];
        }
    } else {
        for i in 0..13 {
            num = num / x + LANCZOS_NUM[i];
            den = den / x + LANCZOS_DEN[i];
        }
    }
    num / den
}

/// sin(pi * x) for finite x, exact at the integers and half-integers.
pub fn sinpi(x: f64) -> f64 {
    let pi = std::f64::consts::PI;
    let y = x.abs() % 2.0;
    let r = match (2.0 * y).round() as i32 {
        0 => (pi * y).sin(),
        1 => (pi * (y - 0.5)).cos(),
        2 => (pi * (1.0 - y)).sin(),
        3 => -(pi * (y - 1.5)).cos(),
        _ => (pi * (y - 2.0)).sin(),
    };
    1.0f64.copysign(x) * r
}

/// n! for n in 1..=23 (exact in a double): gamma of small integers.
fn gamma_of_integer(n: usize) -> f64 {
    (1..n).fold(1.0, |acc, k| acc * k as f64)
}

/// A range error only for results that overflowed (CPython ignores underflow).
fn range_checked(r: f64) -> Result<f64, SpecialError> {
    if r.is_infinite() {
        Err(SpecialError::Range)
    } else {
        Ok(r)
    }
}

pub fn gamma(x: f64) -> Result<f64, SpecialError> {
    if !x.is_finite() {
        return if x.is_nan() || x > 0.0 { Ok(x) } else { Err(SpecialError::Domain) };
    }
    if x == 0.0 {
        return Err(SpecialError::Domain);
    }
    if x == x.floor() {
        if x < 0.0 {
            return Err(SpecialError::Domain);
        }
        if x <= 23.0 {
            return Ok(gamma_of_integer(x as usize));
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return range_checked(1.0 / x);
    }
    if absx > 200.0 {
        return if x < 0.0 { Ok(0.0 / sinpi(x)) } else { Err(SpecialError::Range) };
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    // The rounding error of y, to correct the result by.
    let z = if absx > LANCZOS_G_MINUS_HALF {
        (y - absx) - LANCZOS_G_MINUS_HALF
    } else {
        (y - LANCZOS_G_MINUS_HALF) - absx
    };
    let z = z * LANCZOS_G / y;
    let r = if x < 0.0 {
        let mut r = -std::f64::consts::PI / sinpi(absx) / absx * y.exp() / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r / y.powf(absx - 0.5)
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r / half / half
        }
    } else {
        let mut r = lanczos_sum(absx) / y.exp();
        r += z * r;
        if absx < 140.0 {
            r * y.powf(absx - 0.5)
        } else {
            let half = y.powf(absx / 2.0 - 0.25);
            r * half * half
        }
    };
    range_checked(r)
}

pub fn lgamma(x: f64) -> Result<f64, SpecialError> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        return if x <= 0.0 { Err(SpecialError::Domain) } else { Ok(0.0) };
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-absx.ln());
    }
    let mut r = lanczos_sum(absx).ln() - LANCZOS_G;
    r += (absx - 0.5) * ((absx + LANCZOS_G - 0.5).ln() - 1.0);
    if x < 0.0 {
        let log_pi = 1.144_729_885_849_400_174_143_427_351_353_058_711_647;
        r = log_pi - sinpi(absx).abs().ln() - absx.ln() - r;
    }
    range_checked(r)
}

// ---- erf and erfc: fdlibm's rational approximations

/// The polynomial `c0 + c1*s + c2*s^2 + ...` summed as glibc's `s_erf.c`
/// does (pairs `c[2k] + s*c[2k+1]` times s^2k, left to right), which
/// rounds differently from Horner's rule.
fn horner(s: f64, coeffs: &[f64]) -> f64 {
    let s2 = s * s;
    let s4 = s2 * s2;
    let powers = [1.0, s2, s4, s4 * s2, s4 * s4];
    let mut acc = 0.0;
    for (k, pair) in coeffs.chunks(2).enumerate() {
        let term = match pair {
            [a, b] => a + s * b,
            [a] => *a,
            _ => 0.0,
        };
        acc = if k == 0 { term } else { acc + powers[k] * term };
    }
    acc
}

const ERX: f64 = 8.450_629_115_104_675_292_97e-01;
const EFX: f64 = 1.283_791_670_955_125_863_16e-01;
const EFX8: f64 = 1.027_033_336_764_100_690_53e+00;
/// erf on [0, 0.84375]: x + x*P(x^2)/Q(x^2).
const PP: [f64; 5] = [
    1.283_791_670_955_125_585_61e-01,
    -3.250_421_072_470_014_993_70e-01,
    -2.848_174_957_559_851_047_66e-02,
    -5.770_270_296_489_441_591_57e-03,
    -2.376_301_665_665_016_260_84e-05,
];
const QQ: [f64; 6] = [
    1.0,
    3.979_172_239_591_553_528_19e-01,
    6.502_224_998_876_729_444_85e-02,
    5.081_306_281_875_765_627_76e-03,
    1.324_947_380_043_216_445_26e-04,
    -3.960_228_278_775_368_123_20e-06,
];
/// erf on [0.84375, 1.25], around 1.
const PA: [f64; 7] = [
    -2.362_118_560_752_659_440_77e-03,
    4.148_561_186_837_483_316_66e-01,
    -3.722_078_760_357_013_238_47e-01,
    3.183_466_199_011_617_536_74e-01,
    -1.108_946_942_823_966_774_76e-01,
    3.547_830_432_561_823_593_71e-02,
    -2.166_375_594_868_790_843_00e-03,
];
const QA: [f64; 7] = [
    1.0,
    1.064_208_804_008_442_282_86e-01,
    5.403_979_177_021_710_489_37e-01,
    7.182_865_441_419_626_628_68e-02,
    1.261_712_198_087_616_421_12e-01,
    1.363_708_391_202_905_073_62e-02,
    1.198_449_984_679_910_741_70e-02,
];
/// erfc on [1.25, 1/0.35], in 1/x^2.
const RA: [f64; 8] = [
    -9.864_944_034_847_148_227_05e-03,
    -6.938_585_727_071_817_643_72e-01,
    -1.055_862_622_532_329_098_14e+01,
    -6.237_533_245_032_600_603_96e+01,
    -1.623_966_694_625_734_703_55e+02,
    -1.846_050_929_067_110_359_94e+02,
    -8.128_743_550_630_659_342_46e+01,
    -9.814_329_344_169_145_485_92e+00,
];
const SA: [f64; 9] = [
    1.0,
    1.965_127_166_743_925_712_92e+01,
    1.376_577_541_435_190_426_00e+02,
    4.345_658_774_752_292_288_21e+02,
    6.453_872_717_332_678_803_36e+02,
    4.290_081_400_275_678_333_86e+02,
    1.086_350_055_417_794_351_34e+02,
    6.570_249_770_319_281_701_35e+00,
    -6.042_441_521_485_809_874_38e-02,
];
/// erfc on [1/0.35, 28], in 1/x^2.
const RB: [f64; 7] = [
    -9.864_942_924_700_099_285_97e-03,
    -7.992_832_376_805_230_065_74e-01,
    -1.775_795_491_775_475_198_89e+01,
    -1.606_363_848_558_219_160_62e+02,
    -6.375_664_433_683_896_277_22e+02,
    -1.025_095_131_611_077_249_54e+03,
    -4.835_191_916_086_513_970_19e+02,
];
const SB: [f64; 8] = [
    1.0,
    3.033_806_074_348_245_829_24e+01,
    3.257_925_129_965_739_188_26e+02,
    1.536_729_586_084_436_959_94e+03,
    3.199_858_219_508_595_539_08e+03,
    2.553_050_406_433_164_425_83e+03,
    4.745_285_412_069_553_672_15e+02,
    -2.244_095_244_658_581_833_62e+01,
];

fn high_word(x: f64) -> u32 {
    (x.to_bits() >> 32) as u32 & 0x7fff_ffff
}

/// erfc(|x|)·|x| for |x| in [1.25, 28): exp(-x²-0.5625+R/S), with x² split
/// so its rounding error does not reach the exponential.
fn erfc_tail(ax: f64) -> f64 {
    let s = 1.0 / (ax * ax);
    let (r, q) = if ax < 1.0 / 0.35 {
        (horner(s, &RA), horner(s, &SA))
    } else {
        (horner(s, &RB), horner(s, &SB))
    };
    let z = f64::from_bits(ax.to_bits() & 0xffff_ffff_0000_0000);
    (-z * z - 0.5625).exp() * ((z - ax) * (z + ax) + r / q).exp()
}

pub fn erf(x: f64) -> f64 {
    let ix = high_word(x);
    let negative = x.is_sign_negative();
    if !x.is_finite() {
        return if x.is_nan() { x } else { 1.0f64.copysign(x) };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3e30_0000 {
            if ix < 0x0080_0000 {
                return 0.125 * (8.0 * x + EFX8 * x);
            }
            return x + EFX * x;
        }
        let z = x * x;
        return x + x * (horner(z, &PP) / horner(z, &QQ));
    }
    if ix < 0x3ff4_0000 {
        let s = x.abs() - 1.0;
        let pq = horner(s, &PA) / horner(s, &QA);
        return if negative { -ERX - pq } else { ERX + pq };
    }
    if ix >= 0x4018_0000 {
        return if negative { 1e-300 - 1.0 } else { 1.0 - 1e-300 };
    }
    let ax = x.abs();
    let r = erfc_tail(ax);
    if negative {
        r / ax - 1.0
    } else {
        1.0 - r / ax
    }
}

pub fn erfc(x: f64) -> f64 {
    let ix = high_word(x);
    let negative = x.is_sign_negative();
    if !x.is_finite() {
        return if x.is_nan() {
            x
        } else if negative {
            2.0
        } else {
            0.0
        };
    }
    if ix < 0x3feb_0000 {
        if ix < 0x3c70_0000 {
            return 1.0 - x;
        }
        let z = x * x;
        let y = horner(z, &PP) / horner(z, &QQ);
        // x < 1/4 (negative x included, as fdlibm's signed compare does).
        if negative || ix < 0x3fd0_0000 {
            return 1.0 - (x + x * y);
        }
        return 0.5 - (x * y + (x - 0.5));
    }
    if ix < 0x3ff4_0000 {
        let s = x.abs() - 1.0;
        let pq = horner(s, &PA) / horner(s, &QA);
        return if negative { 1.0 + (ERX + pq) } else { (1.0 - ERX) - pq };
    }
    if ix < 0x403c_0000 {
        if negative && ix >= 0x4018_0000 {
            return 2.0 - 1e-300;
        }
        let ax = x.abs();
        let r = erfc_tail(ax);
        return if negative { 2.0 - r / ax } else { r / ax };
    }
    if negative {
        2.0 - 1e-300
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_cpython_38() {
        // python3.8 -c "import math; print(math.gamma(0.5), ...)"
        assert_eq!(gamma(0.5), Ok(1.7724538509055159));
        assert_eq!(lgamma(0.5), Ok(0.5723649429247004));
        assert_eq!(erf(0.5), 0.5204998778130465);
        assert_eq!(erfc(0.5), 0.4795001221869535);
        assert_eq!(gamma(5.0), Ok(24.0));
        assert_eq!(gamma(-1.0), Err(SpecialError::Domain));
        assert_eq!(gamma(172.0), Err(SpecialError::Range));
        assert_eq!(lgamma(0.0), Err(SpecialError::Domain));
    }
}
