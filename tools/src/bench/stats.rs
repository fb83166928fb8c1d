//! Summary statistics of repeated timings: median, spread, geometric mean.

/// Median and spread of a sample of timings (or any positive measurements).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Summary {
    pub median: f64,
    pub min: f64,
    pub max: f64,
    /// First and third quartiles (linear interpolation between order statistics,
    /// as numpy's default and Python's `statistics.quantiles(method="inclusive")`).
    pub q1: f64,
    pub q3: f64,
}

impl Summary {
    /// `None` for an empty sample; NaNs are the caller's bug and sort last.
    pub fn of(sample: &[f64]) -> Option<Summary> {
        if sample.is_empty() {
            return None;
        }
        let mut sorted = sample.to_vec();
        sorted.sort_by(f64::total_cmp);
        Some(Summary {
            median: quantile(&sorted, 0.5),
            min: sorted[0],
            max: sorted[sorted.len() - 1],
            q1: quantile(&sorted, 0.25),
            q3: quantile(&sorted, 0.75),
        })
    }

    /// Half the min..max range relative to the median, e.g. 0.02 for ±2 %.
    pub fn relative_spread(&self) -> f64 {
        if self.median == 0.0 {
            return 0.0;
        }
        (self.max - self.min) / 2.0 / self.median
    }
}

/// The `q` quantile of an ascending, non-empty sample.
fn quantile(sorted: &[f64], q: f64) -> f64 {
    let position = q * (sorted.len() - 1) as f64;
    let below = position.floor() as usize;
    let above = position.ceil() as usize;
    let fraction = position - below as f64;
    sorted[below] + (sorted[above] - sorted[below]) * fraction
}

/// Median of a sample; `None` when it is empty.
pub fn median(sample: &[f64]) -> Option<f64> {
    Summary::of(sample).map(|s| s.median)
}

/// Geometric mean of positive ratios: the mean that treats 2x faster and 2x
/// slower as cancelling out. `None` when empty or when a value is not positive.
pub fn geometric_mean(ratios: &[f64]) -> Option<f64> {
    if ratios.is_empty() || ratios.iter().any(|&r| !(r > 0.0 && r.is_finite())) {
        return None;
    }
    let mean_log = ratios.iter().map(|r| r.ln()).sum::<f64>() / ratios.len() as f64;
    Some(mean_log.exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    #[test]
    fn median_of_odd_and_even_samples() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 3.0, 2.0]), Some(2.5));
        assert_eq!(median(&[7.5]), Some(7.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn spread_is_min_max_and_quartiles() {
        let s = Summary::of(&[5.0, 1.0, 4.0, 2.0, 3.0]).unwrap();
        assert_eq!((s.min, s.max, s.median), (1.0, 5.0, 3.0));
        assert_eq!((s.q1, s.q3), (2.0, 4.0));
        assert!(close(s.relative_spread(), 2.0 / 3.0));
        // Interpolated quartiles, as numpy.percentile gives for [1, 2, 3, 4].
        let s = Summary::of(&[1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(close(s.q1, 1.75) && close(s.q3, 3.25));
        let single = Summary::of(&[2.0]).unwrap();
        assert_eq!((single.q1, single.q3, single.relative_spread()), (2.0, 2.0, 0.0));
    }

    #[test]
    fn geometric_mean_cancels_reciprocal_ratios() {
        assert!(close(geometric_mean(&[2.0, 0.5]).unwrap(), 1.0));
        assert!(close(geometric_mean(&[1.0, 4.0, 16.0]).unwrap(), 4.0));
        assert!(close(geometric_mean(&[3.0]).unwrap(), 3.0));
        assert_eq!(geometric_mean(&[]), None);
        assert_eq!(geometric_mean(&[1.0, 0.0]), None);
        assert_eq!(geometric_mean(&[1.0, f64::NAN]), None);
    }
}
