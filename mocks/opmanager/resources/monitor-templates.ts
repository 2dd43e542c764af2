import type { MonitorTemplate } from './monitors'
import type { SeriesShape } from './series'

/**
 * The performance-monitor policies the seed and addPerformanceMonitors use, with the vendor's
 * policy names (`WMI-CPUUtilization`, `SNMP-…`), graph ids and poll intervals (decisions/082).
 * One row per policy; what most rows share (a single percentage instance among the Performance
 * Monitors, the vendor's "Monitors the … using …" description) is filled in by `policy`.
 */
type Row = [
  policyName: string,
  displayName: string,
  protocol: MonitorTemplate['protocol'],
  oid: string,
  graphId: number,
  interval: number,
  /** min / max default to a percentage's 0–100. */
  shape: Omit<SeriesShape, 'min' | 'max'> & Partial<SeriesShape>,
  thresholds?: [warning: number, trouble: number, critical: number],
  /** What differs from the common case. */
  overrides?: Partial<MonitorTemplate>,
]

const PERCENT = { min: 0, max: 100 }

function policy([policyName, displayName, protocol, oid, graphId, interval, shape, limits, overrides]: Row): MonitorTemplate {
  return {
    policyName,
    displayName,
    description: `Monitors the ${displayName} using ${protocol}`,
    protocol,
    oid,
    graphId,
    interval,
    unit: 'Percentage',
    instances: ['-1'],
    group: 'Performance Monitors',
    shape: { ...PERCENT, ...shape },
    ...(limits && { thresholds: { warning: limits[0], trouble: limits[1], critical: limits[2] } }),
    ...overrides,
  }
}

const ICMP = 'General Monitors'

export const MONITOR_TEMPLATES: readonly MonitorTemplate[] = (
  [
    ['WMI-CPUUtilization', 'CPU Utilization', 'WMI', 'CPU Utilization', 203, 15, { base: 35, swing: 20, noise: 12 }, [70, 80, 90]],
    ['WMI-MemoryUtilization', 'Memory Utilization', 'WMI', 'Memory Utilization', 204, 15, { base: 62, swing: 8, noise: 5 }, [80, 85, 95]],
    [
      'WMI-PartitionDetails',
      'Partition Details of the Device(%)',
      'WMI',
      'Partition Details of the Device',
      304,
      60,
      { base: 58, swing: 1, noise: 2 },
      undefined,
      { description: 'Monitoring the usage in each partition of the Device using WMI.', instances: ['C:', 'D:'] },
    ],
    [
      'SNMP-CPUUtilization',
      'CPU Utilization',
      'SNMP',
      '.1.3.6.1.2.1.25.3.3.1.2',
      101,
      15,
      { base: 28, swing: 15, noise: 10 },
      [70, 80, 90],
    ],
    [
      'SNMP-MemoryUtilization',
      'Memory Utilization',
      'SNMP',
      '.1.3.6.1.2.1.25.2.3.1.6',
      102,
      15,
      { base: 55, swing: 6, noise: 4 },
      [80, 85, 95],
    ],
    [
      'SNMP-DiskUtilization',
      'Disk Utilization',
      'SNMP',
      '.1.3.6.1.2.1.25.2.3.1.6',
      103,
      60,
      { base: 64, swing: 1, noise: 2 },
      [85, 90, 95],
    ],
    [
      'ResponseTime',
      'Response Time',
      'ICMP',
      'Response Time',
      1,
      5,
      { base: 6, swing: 3, noise: 3, min: 1, max: 1000 },
      undefined,
      { description: 'Round trip time of ICMP echo requests to the device', unit: 'ms', group: ICMP },
    ],
    [
      'PacketLoss',
      'Packet Loss',
      'ICMP',
      'Packet Loss',
      2,
      5,
      { base: 0, swing: 0, noise: 1 },
      undefined,
      { description: 'Percentage of ICMP echo requests to the device that got no reply', group: ICMP },
    ],
  ] satisfies Row[]
).map(policy)
