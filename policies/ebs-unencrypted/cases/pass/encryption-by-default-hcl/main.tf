# EBS encryption by default (enabled defaults to true) encrypts every new volume of the region.
resource "aws_ebs_encryption_by_default" "this" {}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  size              = 100
}

resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  root_block_device {
    volume_size = 20
  }
}
