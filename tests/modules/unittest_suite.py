# needs `re` (_sre): move beside the other module scripts once _sre is merged.
# A small TestCase suite run by unittest.main, its report captured (the
# run time it prints is cut).
import io
import unittest


class Arith(unittest.TestCase):
    def setUp(self):
        self.items = [3, 1, 2]

    def test_sort(self):
        self.assertEqual(sorted(self.items), [1, 2, 3])

    def test_fail(self):
        self.assertEqual(1 + 1, 3)

    def test_raises(self):
        with self.assertRaises(ZeroDivisionError):
            1 / 0
        with self.assertRaisesRegex(ValueError, "bad .* here"):
            raise ValueError("bad thing here")

    @unittest.skip("not today")
    def test_skip(self):
        pass

    def test_error(self):
        {}["missing"]

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)

    @unittest.expectedFailure
    def test_expected(self):
        self.assertTrue(False)


class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")
        self.assertIn("b", "abc")
        self.assertIsNone(None)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertCountEqual([1, 2, 2], [2, 1, 2])

    def test_dict_diff(self):
        self.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})


stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
program = unittest.main(argv=["unittest_suite"], testRunner=runner, exit=False)
for line in stream.getvalue().splitlines():
    if line.startswith("Ran "):
        line = line.split(" in ")[0]
    print(line)
result = program.result
print(result.wasSuccessful(), result.testsRun, len(result.failures), len(result.errors),
      len(result.skipped), len(result.expectedFailures))
