// SPDX-License-Identifier: GPL-3.0-or-later
// Fakes for the linux panel's thin device layer: an I²C bus that answers from register
// maps (8-bit registers for the encoder breakout, an ADS1015 model for the ADCs), an SPI
// device and GPIO lines that write what happens to one shared, readable event log.
// Thread-safe: LinuxPanel uses them from its own threads while a test inspects them.
#pragma once

#include "panel/linux/gpioline.h"
#include "panel/linux/i2cbus.h"
#include "panel/linux/spidevice.h"
#include "panel/linux/ads1015.h"

#include <QHash>
#include <QMap>
#include <QStringList>

#include <cerrno>
#include <deque>
#include <memory>
#include <mutex>

namespace neurorack::runtime::test {

/// Everything the fakes did, in order, as short lines a test can compare exactly:
/// "cmd 2a", "data 00 00 00 ef", "data[4096]", "DC=1", "sleep 120ms".
struct EventLog {
    std::mutex mutex;
    QStringList lines;
    void add(const QString &line)
    {
        std::lock_guard lock(mutex);
        lines << line;
    }
    QStringList take()
    {
        std::lock_guard lock(mutex);
        return std::exchange(lines, {});
    }
    qsizetype size()
    {
        std::lock_guard lock(mutex);
        return lines.size();
    }
};

inline QString hexBytes(const std::uint8_t *data, std::size_t n)
{
    QStringList parts;
    for (std::size_t i = 0; i < n; ++i)
        parts << QStringLiteral("%1").arg(data[i], 2, 16, QLatin1Char('0'));
    return parts.join(QLatin1Char(' '));
}

/// The state behind FakeI2cBus, shared with the test.
struct FakeI2cState {
    std::mutex mutex;
    /// One line per message: "w 48: 01 c3 e3", "r 48: 2" (a transfer's messages joined by " | ").
    QStringList transfers;
    /// Devices that do not answer (errno per address), and a bus-wide failure.
    QHash<std::uint16_t, int> failing;
    int failAll = 0;
    /// 8-bit register devices (the encoder breakout): address → register → value.
    QHash<std::uint16_t, QMap<std::uint8_t, std::uint8_t>> registers;
    QHash<std::uint16_t, std::uint8_t> pointer;
    /// ADS1015 models: address → code (−2048 … 2047) per channel.
    QHash<std::uint16_t, std::array<int, 4>> adcCodes;
    QHash<std::uint16_t, std::uint16_t> adcConfig;
    QHash<std::uint16_t, std::uint16_t> adcConversion;

    void setAdcCode(std::uint16_t address, int channel, int code)
    {
        std::lock_guard lock(mutex);
        adcCodes[address][std::size_t(channel)] = code;
    }
    void setRegister(std::uint16_t address, std::uint8_t reg, std::uint8_t value)
    {
        std::lock_guard lock(mutex);
        registers[address][reg] = value;
    }
    std::uint8_t registerValue(std::uint16_t address, std::uint8_t reg)
    {
        std::lock_guard lock(mutex);
        return registers.value(address).value(reg, 0);
    }
    void setFailing(std::uint16_t address, int err)
    {
        std::lock_guard lock(mutex);
        if (err)
            failing[address] = err;
        else
            failing.remove(address);
    }
    QStringList takeTransfers()
    {
        std::lock_guard lock(mutex);
        return std::exchange(transfers, {});
    }
};

class FakeI2cBus final : public I2cBus
{
public:
    explicit FakeI2cBus(std::shared_ptr<FakeI2cState> state, QString name = QStringLiteral("/dev/i2c-fake"))
        : m_state(std::move(state))
        , m_name(std::move(name))
    {
    }

    int transfer(std::span<I2cMessage> messages) noexcept override
    {
        std::lock_guard lock(m_state->mutex);
        QStringList parts;
        for (const auto &m : messages)
            parts << (m.read ? QStringLiteral("r %1: %2").arg(m.address, 2, 16, QLatin1Char('0')).arg(m.length)
                             : QStringLiteral("w %1: %2").arg(m.address, 2, 16, QLatin1Char('0')).arg(hexBytes(m.data, m.length)));
        m_state->transfers << parts.join(QStringLiteral(" | "));
        if (m_state->failAll)
            return m_state->failAll;
        for (const auto &m : messages) {
            if (const int err = m_state->failing.value(m.address))
                return err;
            const bool isAdc = m_state->adcCodes.contains(m.address);
            const bool isRegs = m_state->registers.contains(m.address);
            if (!isAdc && !isRegs)
                return EREMOTEIO;
            if (isAdc)
                adc(m);
            else
                regs(m);
        }
        return 0;
    }
    QString name() const override { return m_name; }

private:
    void adc(const I2cMessage &m)
    {
        auto &ptr = m_state->pointer[m.address];
        if (!m.read) {
            if (m.length >= 1)
                ptr = m.data[0];
            if (m.length == 3 && ptr == Ads1015::kConfigRegister) {
                const std::uint16_t word = std::uint16_t((m.data[1] << 8) | m.data[2]);
                m_state->adcConfig[m.address] = word;
                if (word & 0x8000) { // OS: convert now (the fake is instantaneous)
                    const int channel = (word >> 12) & 0x3;
                    const int code = m_state->adcCodes[m.address][std::size_t(channel)];
                    m_state->adcConversion[m.address] = std::uint16_t(std::int16_t(code * 16));
                }
            }
            return;
        }
        const std::uint16_t value = ptr == Ads1015::kConfigRegister ? m_state->adcConfig.value(m.address, 0x8583)
                                                                    : m_state->adcConversion.value(m.address);
        if (m.length >= 1)
            m.data[0] = std::uint8_t(value >> 8);
        if (m.length >= 2)
            m.data[1] = std::uint8_t(value & 0xff);
    }

    void regs(const I2cMessage &m)
    {
        auto &ptr = m_state->pointer[m.address];
        auto &map = m_state->registers[m.address];
        if (!m.read) {
            if (m.length >= 1)
                ptr = m.data[0];
            for (int i = 1; i < m.length; ++i)
                map[std::uint8_t(ptr + i - 1)] = m.data[i];
            return;
        }
        for (int i = 0; i < m.length; ++i)
            m.data[i] = map.value(std::uint8_t(ptr + i), 0);
    }

    std::shared_ptr<FakeI2cState> m_state;
    QString m_name;
};

class FakeGpioOutput final : public GpioOutput
{
public:
    FakeGpioOutput(std::shared_ptr<EventLog> log, QString label)
        : m_log(std::move(log))
        , m_label(std::move(label))
    {
    }
    Status set(bool high) override
    {
        if (m_fail)
            return Status::failure(QString(), name() + QStringLiteral(": cannot be set: Input/output error"));
        m_level = high;
        // DC changes are implied by "cmd"/"data" lines; log only the others.
        if (m_label != QLatin1String("DC"))
            m_log->add(QStringLiteral("%1=%2").arg(m_label).arg(high ? 1 : 0));
        return done();
    }
    QString name() const override { return QStringLiteral("/dev/gpiochip-fake line (%1)").arg(m_label); }
    bool level() const { return m_level; }
    void setFailing(bool fail) { m_fail = fail; }

private:
    std::shared_ptr<EventLog> m_log;
    QString m_label;
    std::atomic<bool> m_level{false};
    std::atomic<bool> m_fail{false};
};

class FakeSpiDevice final : public SpiDevice
{
public:
    FakeSpiDevice(std::shared_ptr<EventLog> log, const FakeGpioOutput *dc)
        : m_log(std::move(log))
        , m_dc(dc)
    {
    }
    Status write(std::span<const std::uint8_t> bytes) override
    {
        if (bytes.size() > std::size_t(kMaxTransferBytes))
            return Status::failure(QString(), QStringLiteral("too long"));
        const QString kind = m_dc->level() ? QStringLiteral("data") : QStringLiteral("cmd");
        // Long pixel writes are logged by size only.
        m_log->add(bytes.size() > 8 ? QString(kind + QStringLiteral("[%1]").arg(bytes.size()))
                                    : QString(kind + QLatin1Char(' ') + hexBytes(bytes.data(), bytes.size())));
        std::lock_guard lock(m_mutex);
        m_bytes.insert(m_bytes.end(), bytes.begin(), bytes.end());
        return done();
    }
    QString name() const override { return QStringLiteral("/dev/spidev-fake"); }
    std::vector<std::uint8_t> takeBytes()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_bytes, {});
    }

private:
    std::shared_ptr<EventLog> m_log;
    const FakeGpioOutput *m_dc;
    std::mutex m_mutex;
    std::vector<std::uint8_t> m_bytes;
};

/// A push button: the test queues edges, the panel reads them.
class FakeGpioInput final : public GpioInput
{
public:
    struct State {
        std::mutex mutex;
        bool value = false;
        std::deque<Edge> edges;
        void press(bool down, std::int64_t ns)
        {
            std::lock_guard lock(mutex);
            value = down;
            edges.push_back({down, ns});
        }
    };
    explicit FakeGpioInput(std::shared_ptr<State> state)
        : m_state(std::move(state))
    {
    }
    Result<bool> value() override
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->value;
    }
    Result<std::optional<Edge>> nextEdge() override
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->edges.empty())
            return std::optional<Edge>();
        const Edge e = m_state->edges.front();
        m_state->edges.pop_front();
        return std::optional<Edge>(e);
    }
    QString name() const override { return QStringLiteral("/dev/gpiochip-fake line (button)"); }

private:
    std::shared_ptr<State> m_state;
};

} // namespace neurorack::runtime::test
