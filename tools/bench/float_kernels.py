"""Floating-point kernels: a Mandelbrot grid, numerical integration and a
small n-body step loop, printed with rounding so the output checks the
arithmetic.
"""


def mandelbrot(width, height, max_iter):
    inside = 0
    total_iter = 0
    for row in range(height):
        ci = -1.2 + 2.4 * row / height
        for col in range(width):
            cr = -2.0 + 3.0 * col / width
            zr = zi = 0.0
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total_iter += n
            if n == max_iter:
                inside += 1
    return inside, total_iter


def integrate(f, a, b, steps):
    h = (b - a) / steps
    total = 0.5 * (f(a) + f(b))
    for i in range(1, steps):
        total += f(a + i * h)
    return total * h


def nbody(steps):
    bodies = [[0.0, 0.0, 0.0, 0.0, 10.0],
              [1.0, 0.0, 0.0, 3.1, 0.1],
              [0.0, 2.0, -2.2, 0.0, 0.05],
              [-3.0, 0.5, 0.0, -1.7, 0.02]]
    dt = 0.001
    for _ in range(steps):
        for i in range(len(bodies)):
            bi = bodies[i]
            for j in range(i + 1, len(bodies)):
                bj = bodies[j]
                dx = bi[0] - bj[0]
                dy = bi[1] - bj[1]
                d2 = dx * dx + dy * dy + 0.01
                mag = dt / (d2 * d2 ** 0.5)
                bi[2] -= dx * bj[4] * mag
                bi[3] -= dy * bj[4] * mag
                bj[2] += dx * bi[4] * mag
                bj[3] += dy * bi[4] * mag
        for b in bodies:
            b[0] += dt * b[2]
            b[1] += dt * b[3]
    return bodies


def main():
    print("mandelbrot:", mandelbrot(240, 120, 120))
    area = integrate(lambda x: x * x * x - 2.0 * x + 1.0, 0.0, 3.0, 600000)
    print("integral: %.9f" % area)
    for body in nbody(50000):
        print("body: %.6f %.6f" % (body[0], body[1]))


main()
