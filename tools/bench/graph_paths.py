"""Graph algorithms on a generated road network: breadth-first search,
Dijkstra with a hand-written binary heap, and connected components with
union-find; lists, dicts and tuples in tight loops.
"""


def make_graph(nodes, edges_per_node, seed):
    graph = [[] for _ in range(nodes)]
    state = seed
    for a in range(nodes):
        for _ in range(edges_per_node):
            state = (state * 1103515245 + 12345) % 2147483648
            b = (a + 1 + (state >> 8) % 40) % nodes if state % 5 else (state >> 4) % nodes
            weight = 1 + (state >> 16) % 100
            graph[a].append((b, weight))
            graph[b].append((a, weight))
    return graph


def bfs_levels(graph, start):
    level = {start: 0}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for neighbour, _ in graph[node]:
                if neighbour not in level:
                    level[neighbour] = level[node] + 1
                    following.append(neighbour)
        frontier = following
    return level


def heap_push(heap, item):
    heap.append(item)
    i = len(heap) - 1
    while i > 0:
        parent = (i - 1) // 2
        if heap[parent] <= heap[i]:
            break
        heap[parent], heap[i] = heap[i], heap[parent]
        i = parent


def heap_pop(heap):
    last = heap.pop()
    if not heap:
        return last
    top = heap[0]
    heap[0] = last
    i = 0
    n = len(heap)
    while True:
        child = 2 * i + 1
        if child >= n:
            break
        if child + 1 < n and heap[child + 1] < heap[child]:
            child += 1
        if heap[i] <= heap[child]:
            break
        heap[i], heap[child] = heap[child], heap[i]
        i = child
    return top


def dijkstra(graph, start):
    dist = [None] * len(graph)
    dist[start] = 0
    heap = [(0, start)]
    while heap:
        d, node = heap_pop(heap)
        if d > dist[node]:
            continue
        for neighbour, weight in graph[node]:
            nd = d + weight
            if dist[neighbour] is None or nd < dist[neighbour]:
                dist[neighbour] = nd
                heap_push(heap, (nd, neighbour))
    return dist


def components(nodes, pairs):
    parent = list(range(nodes))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return len({find(x) for x in range(nodes)})


def main():
    graph = make_graph(20000, 3, 99)
    levels = bfs_levels(graph, 0)
    print("reachable:", len(levels), "depth:", max(levels.values()))
    for source in (0, 777, 13131):
        dist = dijkstra(graph, source)
        reached = [d for d in dist if d is not None]
        print("dijkstra from %d: max %d sum %d" % (source, max(reached), sum(reached)))
    pairs = [(a, (a * 7 + 3) % 30000) for a in range(0, 30000, 3)]
    print("components:", components(30000, pairs))


main()
