# statistics: averages, spread, modes, NormalDist, errors, with ints, floats and Fractions.
import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.median_grouped([52, 52, 53, 54]), st.mode([1, 1, 2, 3, 3, 3, 3, 4]), st.mode(["red", "blue", "blue"]))
print(st.multimode("aabbbbccddddeeffffgg"), st.multimode([]), st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]))
print(st.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
print(st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 1.5]), st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(st.mean([Fraction(3, 7), Fraction(1, 21), Fraction(5, 3)]), st.variance([Fraction(1, 2), Fraction(3, 4), Fraction(7, 8)]))
print(st.mean([Decimal("0.5"), Decimal("0.75"), Decimal("0.625")]), st.median([5, 3, 1, 4]), st.mean(range(1, 101)))
print(st.quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91], n=4))
print(st.quantiles(range(1, 11), n=10, method="inclusive"))
nd = st.NormalDist(mu=100, sigma=15)
print(nd, nd.mean, nd.stdev, nd.variance, round(nd.cdf(130), 10), round(nd.pdf(100), 12), round(nd.inv_cdf(0.975), 8))
print(round(nd.overlap(st.NormalDist(110, 10)), 10), nd + 5, nd * 2, st.NormalDist.from_samples([1, 2, 3, 4, 5]))
print([round(q, 6) for q in nd.quantiles()], nd == st.NormalDist(100, 15), -nd)
for bad in (lambda: st.mean([]), lambda: st.variance([1]), lambda: st.stdev([]), lambda: st.harmonic_mean([-1, 2]),
            lambda: st.geometric_mean([]), lambda: st.NormalDist(0, -1), lambda: st.quantiles([1], n=4), lambda: st.mode([])):
    try:
        print(bad())
    except st.StatisticsError as e:
        print("StatisticsError", e)
print(st.pstdev([1, 1, 1]), st.stdev([1, 2]), st.variance([1, 2, 3, 4], 2.5), st.mean([True, False, True]))
