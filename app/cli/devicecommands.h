// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace neurorack::cli {

class Cli;

/// "neurorack device list|info|push|pull|upload-model|play": the module over USB
/// (docs/protocol.md), through the DeviceClient that Neurorack Studio uses too.
struct DeviceCommands {
    static void registerAll(Cli &cli);
};

} // namespace neurorack::cli
