// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemmonitor.h"

#include <QFile>
#include <QList>

#include <limits>

namespace neurorack::runtime {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QByteArray readSmallFile(const char *path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

double statusField(const QByteArray &key)
{
    const QByteArray status = readSmallFile("/proc/self/status");
    for (const QByteArray &line : status.split('\n')) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB → MB
    }
    return kNaN;
}
}

double SystemMonitor::cpuPercent()
{
    // "cpu  user nice system idle iowait irq softirq steal …" in jiffies.
    const QList<QByteArray> fields = readSmallFile("/proc/stat").split('\n').value(0).simplified().split(' ');
    if (fields.size() < 5 || fields[0] != "cpu")
        return kNaN;
    std::uint64_t total = 0;
    for (qsizetype i = 1; i < fields.size(); ++i)
        total += fields[i].toULongLong();
    const std::uint64_t idle = fields[4].toULongLong() + (fields.size() > 5 ? fields[5].toULongLong() : 0);
    const std::uint64_t busy = total - idle;
    const bool first = m_total == 0;
    const double percent = total > m_total ? 100.0 * static_cast<double>(busy - m_busy) / static_cast<double>(total - m_total) : kNaN;
    m_busy = busy;
    m_total = total;
    return first ? kNaN : percent;
}

double SystemMonitor::temperatureC()
{
    const QByteArray text = readSmallFile("/sys/class/thermal/thermal_zone0/temp").trimmed();
    bool ok = false;
    const double milli = text.toDouble(&ok);
    return ok ? milli / 1000.0 : kNaN;
}

double SystemMonitor::memoryMb()
{
    return statusField("VmRSS:");
}

double SystemMonitor::peakMemoryMb()
{
    return statusField("VmHWM:");
}

} // namespace neurorack::runtime
