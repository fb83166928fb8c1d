class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for item in reversed(list(items)):
            self.push(item)
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __len__(self):
        return self.size
    def __iter__(self):
        node = self.head
        out = []
        while node:
            out.append(node.value)
            node = node.next
        return iter(out)
    def __getitem__(self, i):
        if i < 0:
            i += self.size
        for n, v in enumerate(self):
            if n == i:
                return v
        raise IndexError("linked list index out of range")
    def __contains__(self, v):
        return any(x == v for x in self) if False else v in list(self)
    def __repr__(self):
        return "LinkedList([" + ", ".join(repr(v) for v in list(self)) + "])" if False else "LinkedList(%r)" % (list(self),)
    def __eq__(self, other):
        return isinstance(other, LinkedList) and list(self) == list(other)
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
        return self

ll = LinkedList([1, 2, 3])
ll.push(0)
print(ll, len(ll), ll[0], ll[-1], 2 in ll, 9 in ll, list(ll))
print(ll.reverse(), ll == LinkedList([3, 2, 1, 0]), ll != LinkedList())
try:
    ll[10]
except IndexError as e:
    print(e)
print(sum(ll), max(ll), sorted(ll), [x * 2 for x in ll], bool(LinkedList()), bool(ll))
