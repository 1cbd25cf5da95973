"""Average-linkage clustering over a sparse similarity table.

Used to split a question that holds several disagreements ("who shot down
what" over two jets and a strike) into one question each.  Average linkage
does not chain everything the way connected components do; links are kept as
sums over member pairs in a sparse table and candidates in a heap checked on
pop, so large groups stay fast.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable


def cluster(n: int, sim: dict[int, dict[int, float]], threshold: float,
            must: Iterable[tuple[int, int]] = ()) -> list[list[int]]:
    """Clusters of 0..n-1 whose average pairwise similarity stays at or above `threshold`.

    `sim[i][j]` (symmetric, sparse) is the similarity of i and j; pairs in
    `must` start in one cluster.
    """
    root = list(range(n))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for a, b in must:
        root[find(a)] = find(b)
    members: dict[int, list[int]] = {}
    for i in range(n):
        members.setdefault(find(i), []).append(i)
    total: dict[int, dict[int, float]] = {c: {} for c in members}
    for i, row in sim.items():
        for j, value in row.items():
            a, b = find(i), find(j)
            if i < j and a != b:
                total[a][b] = total[b][a] = total[a].get(b, 0.0) + value

    def average(a: int, b: int) -> float:
        return total[a].get(b, 0.0) / (len(members[a]) * len(members[b]))

    heap = [(-average(a, b), a, b) for a in total for b in total[a] if a < b]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in members or b not in members or abs(-neg - average(a, b)) > 1e-12:
            continue   # a stale entry: one side was merged since
        if -neg < threshold:
            break
        for k, value in total.pop(b).items():
            del total[k][b]
            if k != a:
                total[a][k] = total[k][a] = total[a].get(k, 0.0) + value
        members[a] += members.pop(b)
        for k in total[a]:
            heapq.heappush(heap, (-average(a, k), min(a, k), max(a, k)))
    return sorted(sorted(m) for m in members.values())
