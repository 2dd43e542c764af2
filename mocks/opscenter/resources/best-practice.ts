import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'

/** Best-practice results in DataStax's documented shape; rules are Map keys (a rule named `constructor` is just unknown). */
export const bestPracticeHandlers: ResourceHandlers<'getBestPracticeResults' | 'getBestPracticeHistory' | 'runBestPracticeRule'> = {
  getBestPracticeResults: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok(Object.fromEntries([...store.runtimeOf(clusterId).bestPractice].map(([rule, runs]) => [rule, runs.at(-1)!]))),
  ),

  getBestPracticeHistory: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok(Object.fromEntries([...store.runtimeOf(clusterId).bestPractice].map(([rule, runs]) => [rule, [...runs].reverse()]))),
  ),

  runBestPracticeRule: onCluster(PERMISSION.bestPractice, ({ store, clusterId, params }) =>
    ok(store.runBestPracticeRule(clusterId, params.rule!)),
  ),
}
