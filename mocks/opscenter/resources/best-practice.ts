import { onCluster, ok, type ResourceHandlers } from '../handler'
import { PERMISSION } from '../permissions'

/** Best-practice rule results; rules are looked up in a Map (a rule named `constructor` is just unknown). */
export const bestPracticeHandlers: ResourceHandlers<'getBestPracticeResults' | 'runBestPracticeRule'> = {
  getBestPracticeResults: onCluster(PERMISSION.viewCluster, ({ store, clusterId }) =>
    ok(Object.fromEntries(store.runtimeOf(clusterId).bestPractice)),
  ),

  runBestPracticeRule: onCluster(PERMISSION.bestPractice, ({ store, clusterId, params }) =>
    ok(store.runBestPracticeRule(clusterId, params.rule!)),
  ),
}
