"""An event-driven warehouse simulation: classes with attributes, methods,
inheritance and many small objects, the shape of business-logic code.
"""


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


class Item:
    def __init__(self, sku, weight, value):
        self.sku = sku
        self.weight = weight
        self.value = value


class Shelf:
    def __init__(self, capacity):
        self.capacity = capacity
        self.items = []
        self.load = 0

    def can_hold(self, item):
        return self.load + item.weight <= self.capacity

    def put(self, item):
        self.items.append(item)
        self.load += item.weight

    def take(self, sku):
        for index, item in enumerate(self.items):
            if item.sku == sku:
                del self.items[index]
                self.load -= item.weight
                return item
        return None


class Worker:
    def __init__(self, name, speed):
        self.name = name
        self.speed = speed
        self.moved = 0
        self.busy_until = 0

    def available(self, now):
        return now >= self.busy_until

    def assign(self, now, item):
        self.busy_until = now + 1 + item.weight // self.speed
        self.moved += item.weight


class SeniorWorker(Worker):
    def assign(self, now, item):
        Worker.assign(self, now, item)
        self.busy_until -= 1


class Warehouse:
    def __init__(self, shelves, workers):
        self.shelves = [Shelf(500) for _ in range(shelves)]
        self.workers = workers
        self.stored_value = 0
        self.rejected = 0
        self.shipped = 0
        self.next_worker = 0

    def free_worker(self, now):
        # Round robin from the worker after the last one given work.
        count = len(self.workers)
        for offset in range(count):
            index = (self.next_worker + offset) % count
            worker = self.workers[index]
            if worker.available(now):
                self.next_worker = index + 1
                return worker
        return None

    def receive(self, now, item):
        worker = self.free_worker(now)
        if worker is None:
            self.rejected += 1
            return
        for shelf in self.shelves:
            if shelf.can_hold(item):
                shelf.put(item)
                worker.assign(now, item)
                self.stored_value += item.value
                return
        self.rejected += 1

    def ship(self, now, sku):
        worker = self.free_worker(now)
        if worker is None:
            return
        for shelf in self.shelves:
            item = shelf.take(sku)
            if item is not None:
                worker.assign(now, item)
                self.stored_value -= item.value
                self.shipped += 1
                return


def main():
    rng = Rng(2024)
    workers = [Worker("w%d" % i, 3 + i % 4) for i in range(6)]
    workers += [SeniorWorker("s%d" % i, 6) for i in range(2)]
    house = Warehouse(40, workers)
    for now in range(45000):
        sku = rng.next(300)
        if rng.next(3) == 0:
            house.ship(now, sku)
        else:
            house.receive(now, Item(sku, 1 + rng.next(20), 5 + rng.next(200)))
    print("stored value:", house.stored_value)
    print("shipped:", house.shipped, "rejected:", house.rejected)
    print("load:", sum(shelf.load for shelf in house.shelves))
    for worker in workers:
        print(worker.name, type(worker).__name__, worker.moved)


main()
