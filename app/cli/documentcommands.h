// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace neurorack::cli {

class Cli;

/// "bank", "preset" and "mapping" commands: validate, convert between JSON and CBOR,
/// and show what a file holds.
class DocumentCommands
{
public:
    static void registerAll(Cli &cli);
};

} // namespace neurorack::cli
