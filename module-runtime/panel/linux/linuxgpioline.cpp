// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxgpioline.h"

#include "i2cbus.h" // systemErrorString

#include <linux/gpio.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace neurorack::runtime {

namespace {

QString lineName(const QString &chip, int offset, const QString &label)
{
    return QStringLiteral("%1 line %2 (%3)").arg(chip).arg(offset).arg(label);
}

/// Opens the chip, requests one line with @p config and returns the line's fd (the chip's
/// fd is closed: the request outlives it), or an error naming the line.
Result<int> requestLine(const QString &chip, int offset, const QString &label, const gpio_v2_line_config &config)
{
    const int chipFd = ::open(chip.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
    if (chipFd < 0) {
        const int err = errno;
        const QString hint = err == EACCES ? QStringLiteral(" (is the user in the gpio group? see hardware/99-neurorack-module.rules)")
                                           : QString();
        return Result<int>::failure(QString(), QStringLiteral("%1: cannot be opened: %2%3").arg(chip, systemErrorString(err), hint));
    }
    gpio_v2_line_request request{};
    request.offsets[0] = std::uint32_t(offset);
    request.num_lines = 1;
    request.config = config;
    const QByteArray consumer = QByteArrayLiteral("neurorack ") + label.toLatin1();
    std::strncpy(request.consumer, consumer.constData(), sizeof(request.consumer) - 1);
    const int rc = ::ioctl(chipFd, GPIO_V2_GET_LINE_IOCTL, &request);
    const int err = errno;
    ::close(chipFd);
    if (rc < 0) {
        const QString hint = err == EBUSY ? QStringLiteral(" (another program or driver holds the line)")
                             : err == EINVAL ? QStringLiteral(" (no such line on this chip, or a setting it does not support)")
                                             : QString();
        return Result<int>::failure(QString(), QStringLiteral("%1: cannot be requested: %2%3")
                                                   .arg(lineName(chip, offset, label), systemErrorString(err), hint));
    }
    return int(request.fd);
}

} // namespace

Result<std::unique_ptr<LinuxGpioOutput>> LinuxGpioOutput::request(const QString &chip, int offset, const QString &label,
                                                                  bool initialHigh)
{
    gpio_v2_line_config config{};
    config.flags = GPIO_V2_LINE_FLAG_OUTPUT;
    // The initial level travels with the request, so the pin never glitches to the other level.
    config.num_attrs = 1;
    config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
    config.attrs[0].attr.values = initialHigh ? 1 : 0;
    config.attrs[0].mask = 1;
    auto fd = requestLine(chip, offset, label, config);
    if (!fd)
        return fd.errors();
    return std::unique_ptr<LinuxGpioOutput>(new LinuxGpioOutput(*fd, lineName(chip, offset, label)));
}

LinuxGpioOutput::LinuxGpioOutput(int fd, const QString &name)
    : m_fd(fd)
    , m_name(name)
{
}

LinuxGpioOutput::~LinuxGpioOutput()
{
    ::close(m_fd);
}

Status LinuxGpioOutput::set(bool high)
{
    gpio_v2_line_values values{};
    values.bits = high ? 1 : 0;
    values.mask = 1;
    if (::ioctl(m_fd, GPIO_V2_LINE_SET_VALUES_IOCTL, &values) < 0)
        return Status::failure(QString(), QStringLiteral("%1: cannot be set: %2").arg(m_name, systemErrorString(errno)));
    return done();
}

Result<std::unique_ptr<LinuxGpioInput>> LinuxGpioInput::request(const QString &chip, int offset, const QString &label,
                                                                bool activeLow, Bias bias, int debounceUs)
{
    gpio_v2_line_config config{};
    config.flags = GPIO_V2_LINE_FLAG_INPUT | GPIO_V2_LINE_FLAG_EDGE_RISING | GPIO_V2_LINE_FLAG_EDGE_FALLING;
    if (activeLow)
        config.flags |= GPIO_V2_LINE_FLAG_ACTIVE_LOW;
    switch (bias) {
    case Bias::AsIs:
        break;
    case Bias::PullUp:
        config.flags |= GPIO_V2_LINE_FLAG_BIAS_PULL_UP;
        break;
    case Bias::PullDown:
        config.flags |= GPIO_V2_LINE_FLAG_BIAS_PULL_DOWN;
        break;
    case Bias::Disabled:
        config.flags |= GPIO_V2_LINE_FLAG_BIAS_DISABLED;
        break;
    }
    if (debounceUs > 0) {
        // The kernel debounces in software where the chip cannot.
        config.num_attrs = 1;
        config.attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
        config.attrs[0].attr.debounce_period_us = std::uint32_t(debounceUs);
        config.attrs[0].mask = 1;
    }
    auto fd = requestLine(chip, offset, label, config);
    if (!fd)
        return fd.errors();
    // Edges are read without waiting, from the panel's polling loop.
    ::fcntl(*fd, F_SETFL, ::fcntl(*fd, F_GETFL) | O_NONBLOCK);
    return std::unique_ptr<LinuxGpioInput>(new LinuxGpioInput(*fd, lineName(chip, offset, label)));
}

LinuxGpioInput::LinuxGpioInput(int fd, const QString &name)
    : m_fd(fd)
    , m_name(name)
{
}

LinuxGpioInput::~LinuxGpioInput()
{
    ::close(m_fd);
}

Result<bool> LinuxGpioInput::value()
{
    gpio_v2_line_values values{};
    values.mask = 1;
    if (::ioctl(m_fd, GPIO_V2_LINE_GET_VALUES_IOCTL, &values) < 0)
        return Result<bool>::failure(QString(), QStringLiteral("%1: cannot be read: %2").arg(m_name, systemErrorString(errno)));
    return (values.bits & 1) != 0;
}

Result<std::optional<GpioInput::Edge>> LinuxGpioInput::nextEdge()
{
    using R = Result<std::optional<Edge>>;
    gpio_v2_line_event event{};
    const ssize_t n = ::read(m_fd, &event, sizeof event);
    if (n < 0) {
        if (errno == EAGAIN || errno == EINTR)
            return std::optional<Edge>();
        return R::failure(QString(), QStringLiteral("%1: cannot read events: %2").arg(m_name, systemErrorString(errno)));
    }
    if (n != sizeof event)
        return R::failure(QString(), QStringLiteral("%1: short event read (%2 bytes)").arg(m_name).arg(n));
    return std::optional<Edge>(Edge{event.id == GPIO_V2_LINE_EVENT_RISING_EDGE, std::int64_t(event.timestamp_ns)});
}

} // namespace neurorack::runtime
