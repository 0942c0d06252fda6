# `encrypted` is not set and nothing here manages EBS encryption by default: the account decides.
resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}
