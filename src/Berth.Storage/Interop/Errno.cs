namespace Berth.Storage.Interop;

/// <summary>errno values Berth.Storage checks for, and their names for messages.</summary>
internal static class Errno
{
    internal const int EPERM = 1, ENOENT = 2, EINTR = 4, EBADF = 9, EACCES = 13, EBUSY = 16, EEXIST = 17, EXDEV = 18;
    internal const int ENODEV = 19, ENOTDIR = 20, EISDIR = 21, EINVAL = 22, ENOSPC = 28, EROFS = 30, ERANGE = 34;
    internal const int ENOSYS = 38, ENOTEMPTY = 39, ELOOP = 40, ENODATA = 61, EOPNOTSUPP = 95, E2BIG = 7;

    internal static string Name(int errno) => errno switch
    {
        EPERM => "EPERM", ENOENT => "ENOENT", EINTR => "EINTR", EBADF => "EBADF", EACCES => "EACCES",
        EBUSY => "EBUSY", EEXIST => "EEXIST", EXDEV => "EXDEV", ENODEV => "ENODEV", ENOTDIR => "ENOTDIR",
        EISDIR => "EISDIR", EINVAL => "EINVAL", ENOSPC => "ENOSPC", EROFS => "EROFS", ERANGE => "ERANGE",
        ENOSYS => "ENOSYS", ENOTEMPTY => "ENOTEMPTY", ELOOP => "ELOOP", ENODATA => "ENODATA",
        EOPNOTSUPP => "EOPNOTSUPP", E2BIG => "E2BIG", 5 => "EIO", 12 => "ENOMEM", 36 => "ENAMETOOLONG",
        _ => "errno " + errno,
    };
}
