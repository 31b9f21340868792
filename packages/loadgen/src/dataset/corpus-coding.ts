/**
 * The `--prompt-corpus coding` text: what coding-assistant prompts are made of (source in several languages,
 * shell sessions, JSON, a stack trace, a diff, a build log). Written for aiperf; prompts wrap around it.
 */
export const CODING_CORPUS = `export async function fetchInventory(client: HttpClient, warehouseId: string): Promise<Item[]> {
  const response = await client.get(\`/warehouses/\${warehouseId}/items\`, { timeoutMs: 5000 });
  if (response.status === 404) return [];
  if (!response.ok) throw new InventoryError(\`warehouse \${warehouseId}: HTTP \${response.status}\`);
  const body = (await response.json()) as { items: RawItem[]; next?: string };
  return body.items.map((raw) => ({ sku: raw.sku, quantity: Number(raw.qty ?? 0), updatedAt: new Date(raw.updated_at) }));
}
$ git status
On branch feature/retry-budget
Changes not staged for commit:
  modified:   src/client/retry.ts
  modified:   src/client/retry.test.ts
Untracked files:
  scripts/load-test.sh
$ npm test -- --run src/client
 FAIL  src/client/retry.test.ts > retry budget > stops after the third attempt
AssertionError: expected 4 to be 3 // Object.is equality
 ❯ src/client/retry.test.ts:42:31
def merge_intervals(intervals: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge overlapping closed intervals; the input need not be sorted."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(intervals):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged
Traceback (most recent call last):
  File "/srv/app/jobs/nightly.py", line 88, in run
    report = build_report(session, since=yesterday)
  File "/srv/app/reports/builder.py", line 142, in build_report
    totals = {row.region: row.amount for row in rows}
AttributeError: 'NoneType' object has no attribute 'region'
{"id": "evt_4821", "type": "deployment.finished", "service": "checkout-api", "version": "2.14.3",
 "durationSeconds": 312, "replicas": {"desired": 6, "ready": 6}, "checks": [{"name": "smoke", "passed": true}]}
diff --git a/src/cache/lru.rs b/src/cache/lru.rs
index 3f2a1c9..b7d04e2 100644
--- a/src/cache/lru.rs
+++ b/src/cache/lru.rs
@@ -57,7 +57,9 @@ impl<K: Hash + Eq + Clone, V> LruCache<K, V> {
     pub fn insert(&mut self, key: K, value: V) -> Option<V> {
-        if self.map.len() == self.capacity {
+        if self.capacity == 0 {
+            return Some(value);
+        }
+        if self.map.len() >= self.capacity {
             self.evict_oldest();
         }
SELECT c.name, COUNT(o.id) AS orders, SUM(o.total_cents) / 100.0 AS revenue
FROM customers c LEFT JOIN orders o ON o.customer_id = c.id AND o.created_at >= NOW() - INTERVAL '30 days'
GROUP BY c.name HAVING COUNT(o.id) > 5 ORDER BY revenue DESC LIMIT 20;
func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		http.Error(w, "database unavailable: "+err.Error(), http.StatusServiceUnavailable)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"status": "ok"})
}
$ docker compose logs --tail 5 worker
worker-1  | 2025-03-14T09:12:04Z INFO  consumer started queue=emails prefetch=16
worker-1  | 2025-03-14T09:12:09Z WARN  slow handler duration_ms=1840 job=send_receipt
worker-1  | 2025-03-14T09:12:11Z ERROR smtp timeout after 10s host=mail.internal attempt=2
$ cargo build --release
   Compiling lru v0.4.1 (/home/dev/lru)
warning: unused variable: \`hits\`
  --> src/cache/stats.rs:19:9
    Finished release [optimized] target(s) in 7.92s
class RateLimiter {
  private tokens: number;
  private lastRefillMs = Date.now();
  constructor(private readonly capacity: number, private readonly refillPerSecond: number) { this.tokens = capacity; }
  tryTake(): boolean {
    const now = Date.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.lastRefillMs) / 1000) * this.refillPerSecond);
    this.lastRefillMs = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
Please review this function and explain why the retry test sees four attempts instead of three.
Refactor the handler so the database check runs in parallel with the cache check, and add a test.
`;
