// SPDX-License-Identifier: GPL-3.0-or-later
#include "linuxi2cbus.h"

#include <linux/i2c-dev.h>
#include <linux/i2c.h>

#include <array>
#include <cerrno>
#include <fcntl.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace neurorack::runtime {

Result<std::unique_ptr<LinuxI2cBus>> LinuxI2cBus::open(const QString &path)
{
    using R = Result<std::unique_ptr<LinuxI2cBus>>;
    const int fd = ::open(path.toLocal8Bit().constData(), O_RDWR | O_CLOEXEC);
    if (fd < 0) {
        const int err = errno;
        QString hint;
        if (err == ENOENT)
            hint = QStringLiteral(" (is the bus enabled and i2c-dev loaded?)");
        else if (err == EACCES)
            hint = QStringLiteral(" (is the user in the i2c group? see hardware/99-neurorack-module.rules)");
        return R::failure(QString(), QStringLiteral("%1: cannot be opened: %2%3").arg(path, systemErrorString(err), hint));
    }
    unsigned long funcs = 0;
    if (::ioctl(fd, I2C_FUNCS, &funcs) < 0 || !(funcs & I2C_FUNC_I2C)) {
        ::close(fd);
        return R::failure(QString(), QStringLiteral("%1: the adapter cannot do combined I2C transfers (I2C_RDWR)").arg(path));
    }
    return std::unique_ptr<LinuxI2cBus>(new LinuxI2cBus(fd, path));
}

LinuxI2cBus::LinuxI2cBus(int fd, const QString &path)
    : m_fd(fd)
    , m_path(path)
{
}

LinuxI2cBus::~LinuxI2cBus()
{
    ::close(m_fd);
}

int LinuxI2cBus::transfer(std::span<I2cMessage> messages) noexcept
{
    if (messages.empty() || messages.size() > std::size_t(kMaxMessages))
        return EINVAL;
    std::array<i2c_msg, kMaxMessages> msgs{};
    for (std::size_t i = 0; i < messages.size(); ++i) {
        msgs[i].addr = messages[i].address;
        msgs[i].flags = messages[i].read ? I2C_M_RD : 0;
        msgs[i].len = messages[i].length;
        msgs[i].buf = messages[i].data;
    }
    i2c_rdwr_ioctl_data data{msgs.data(), std::uint32_t(messages.size())};
    int rc = 0;
    do {
        rc = ::ioctl(m_fd, I2C_RDWR, &data);
    } while (rc < 0 && errno == EINTR);
    if (rc < 0)
        return errno;
    return rc == int(messages.size()) ? 0 : EIO;
}

} // namespace neurorack::runtime
