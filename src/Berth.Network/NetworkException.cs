using Berth.Oci;

namespace Berth.Network;

/// <summary>A network could not be created, set up or torn down: one line saying what and what to do.</summary>
public class NetworkException(string message, Exception? inner = null) : BerthException(message, inner ?? new Exception(message));
