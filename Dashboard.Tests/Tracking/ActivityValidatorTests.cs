using Dashboard.Core.Tracking;

namespace Dashboard.Tests.Tracking;

public sealed class ActivityValidatorTests
{
    [Theory]
    [InlineData("user123")]
    [InlineData("a")]
    [InlineData("user.name_1:org@example-2")]
    public void Validate_ValidIds_HaveNoErrors(string id)
    {
        Assert.Empty(ActivityValidator.Validate(Activity.Of(id, id, id, id)));
    }

    [Theory]
    [InlineData("", "userId is required.")]
    [InlineData("has space", "userId may contain only letters, digits and . _ : @ -")]
    [InlineData("slash/no", "userId may contain only letters, digits and . _ : @ -")]
    [InlineData("ünïcode", "userId may contain only letters, digits and . _ : @ -")]
    public void Validate_BadUserId_SaysWhy(string userId, string message)
    {
        var error = Assert.Single(ActivityValidator.Validate(Activity.Of(userId, "s1")));

        Assert.Equal(new ValidationError("userId", message), error);
    }

    [Theory]
    [InlineData("user\n")]
    [InlineData("user\0")]
    [InlineData("\tuser")]
    public void Validate_IdWithAControlCharacter_IsRefused(string id)
    {
        var errors = ActivityValidator.Validate(Activity.Of(id, id, id, id));

        Assert.Equal(["userId", "organizationId", "sessionId", "moduleId"], errors.Select(error => error.Field));
    }

    [Theory]
    [InlineData("Mozilla\0/5.0")]
    [InlineData("Mozilla/5.0\n")]
    [InlineData("Mozilla\u001b[31m")]
    [InlineData("Mozilla\u007f")]
    public void Validate_UserAgentWithAControlCharacter_IsRefused(string userAgent)
    {
        var error = Assert.Single(ActivityValidator.Validate(Activity.Of("u1", "s1") with { UserAgent = userAgent }));

        Assert.Equal(new ValidationError("userAgent", "userAgent may not contain control characters (such as NUL, tab, newline or DEL)."), error);
    }

    [Fact]
    public void Validate_IdOf128Characters_IsValid_And129IsNot()
    {
        Assert.Empty(ActivityValidator.Validate(Activity.Of(new string('u', 128), "s1")));
        Assert.Equal("userId must be at most 128 characters.", Assert.Single(ActivityValidator.Validate(Activity.Of(new string('u', 129), "s1"))).Message);
    }

    [Fact]
    public void Validate_UserAgentOver512Characters_IsRefused()
    {
        Assert.Empty(ActivityValidator.Validate(Activity.Of("u1", "s1") with { UserAgent = new string('a', 512) }));
        Assert.Equal("userAgent", Assert.Single(ActivityValidator.Validate(Activity.Of("u1", "s1") with { UserAgent = new string('a', 513) })).Field);
    }

    [Theory]
    [InlineData("192.168.1.1", true)]
    [InlineData("::1", true)]
    [InlineData("2001:db8::8a2e:370:7334", true)]
    [InlineData("fe80::1%eth0", true)]
    [InlineData("fe80::1%a|b", false)]
    [InlineData("fe80::1%a b", false)]
    [InlineData("::1\n", false)]
    [InlineData("192.168.1.1\0", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("1.2", false)]
    [InlineData("localhost", false)]
    [InlineData("", false)]
    public void Validate_IpAddress_MustBeAFullIPv4OrIPv6Address(string ip, bool valid)
    {
        var errors = ActivityValidator.Validate(Activity.Of("u1", "s1") with { IpAddress = ip });

        Assert.Equal(valid, errors.Count == 0);
    }

    [Fact]
    public void Validate_OptionalFieldsMissing_IsValid()
    {
        Assert.Empty(ActivityValidator.Validate(Activity.Of("u1", "s1") with { UserAgent = null, IpAddress = null }));
    }
}
