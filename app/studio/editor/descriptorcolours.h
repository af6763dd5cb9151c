// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/descriptor.h"

#include <QColor>

#include <array>

namespace neurorack::studio {

/// The colour of a descriptor's curve, the same in every chart of the editor.
inline QColor descriptorColour(DescriptorId id)
{
    static constexpr std::array<QRgb, kDescriptorCount> kColours{0xd0d0d0, 0xff7043, 0x90a4ae, 0x66bb6a,
                                                                 0xab47bc, 0xffca28, 0x42a5f5};
    return QColor::fromRgb(kColours[static_cast<std::size_t>(id)]);
}

} // namespace neurorack::studio
